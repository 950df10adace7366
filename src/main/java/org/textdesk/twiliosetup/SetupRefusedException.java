package org.textdesk.twiliosetup;

import java.util.List;
import org.springframework.validation.Errors;
import org.textdesk.system.FieldRuleException;

/**
 * Twilio Setup refused a save: every problem beside its field at once, or a problem with the whole
 * form (someone else saved it meanwhile). Controllers record it on the binding result.
 */
class SetupRefusedException extends RuntimeException {

    private final transient List<FieldRuleException> fieldProblems;
    private final String formProblemKey;

    private SetupRefusedException(List<FieldRuleException> fieldProblems, String formProblemKey) {
        super("Twilio Setup not saved", null, false, false);
        this.fieldProblems = List.copyOf(fieldProblems);
        this.formProblemKey = formProblemKey;
    }

    static SetupRefusedException fields(List<FieldRuleException> problems) {
        return new SetupRefusedException(problems, null);
    }

    /** Someone else saved the setup after this form was opened. */
    static SetupRefusedException stale() {
        return new SetupRefusedException(List.of(), "twilio.stale");
    }

    List<FieldRuleException> fieldProblems() {
        return fieldProblems;
    }

    boolean isStale() {
        return formProblemKey != null;
    }

    void rejectOn(Errors errors) {
        fieldProblems.forEach(problem -> problem.rejectOn(errors));
        if (formProblemKey != null) {
            errors.reject(formProblemKey, formProblemKey);
        }
    }
}
