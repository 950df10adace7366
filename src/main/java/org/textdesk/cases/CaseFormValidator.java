package org.textdesk.cases;

import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.textdesk.system.FieldRuleException;

/** Checks the case number's format and the dates together with the other fields, so every message shows at once. */
class CaseFormValidator implements Validator {

    @Override
    public boolean supports(Class<?> type) {
        return CaseForm.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        CaseForm form = (CaseForm) target;
        if (!errors.hasFieldErrors("caseNumber")) {
            try {
                form.setCaseNumber(CaseRecord.caseNumberOf(form.getCaseNumber()));
            } catch (FieldRuleException refused) {
                refused.rejectOn(errors);
            }
        }
        if (!errors.hasFieldErrors("openedOn") && !errors.hasFieldErrors("closedOn") && form.getOpenedOn() != null) {
            try {
                CaseRecord.checkDates(form.getOpenedOn(), form.getClosedOn());
            } catch (FieldRuleException refused) {
                refused.rejectOn(errors);
            }
        }
    }
}
