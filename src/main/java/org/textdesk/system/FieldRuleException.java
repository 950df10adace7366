package org.textdesk.system;

/**
 * A domain rule refused what a person typed into one form field. Controllers turn it into a message
 * beside that field (the key is in messages.properties), keeping everything else that was typed.
 */
public class FieldRuleException extends RuntimeException {

    private final String field;
    private final String messageKey;
    private final transient Object[] arguments;

    public FieldRuleException(String field, String messageKey, Object... arguments) {
        super(messageKey + " on " + field);
        this.field = field;
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public String field() {
        return field;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments.clone();
    }

    /** A refusal of the whole form rather than of one field, shown above the form. */
    public static FieldRuleException ofForm(String messageKey, Object... arguments) {
        return new FieldRuleException(null, messageKey, arguments);
    }

    /** Records this refusal on a Spring binding result, beside its field (or above the form). */
    public void rejectOn(org.springframework.validation.Errors errors) {
        if (field == null) {
            errors.reject(messageKey, arguments, messageKey);
        } else {
            errors.rejectValue(field, messageKey, arguments, messageKey);
        }
    }
}
