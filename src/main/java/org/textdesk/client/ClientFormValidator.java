package org.textdesk.client;

import java.util.List;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;
import org.textdesk.system.FieldRuleException;

/**
 * Checks the Cell boxes together with the other fields, so that every message shows at once, and puts
 * a valid number in the record's shape (5381234 becomes 538-1234; a pasted whole number is split).
 */
class ClientFormValidator implements Validator {

    @Override
    public boolean supports(Class<?> type) {
        return ClientForm.class.isAssignableFrom(type);
    }

    @Override
    public void validate(Object target, Errors errors) {
        ClientForm form = (ClientForm) target;
        if (errors.hasFieldErrors(CellNumber.AREA_CODE_FIELD) || errors.hasFieldErrors(CellNumber.NUMBER_FIELD)) {
            return;
        }
        List<FieldRuleException> problems = CellNumber.problemsOf(form.getCellAreaCode(), form.getCellNumber());
        if (!problems.isEmpty()) {
            problems.forEach(problem -> problem.rejectOn(errors));
            return;
        }
        CellNumber.parseOptional(form.getCellAreaCode(), form.getCellNumber()).ifPresent(cell -> {
            form.setCellAreaCode(cell.areaCode());
            form.setCellNumber(cell.number());
        });
    }
}
