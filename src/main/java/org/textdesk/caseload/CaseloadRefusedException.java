package org.textdesk.caseload;

/** A transfer that may not happen, with the words for the person who asked; nothing was written. */
public class CaseloadRefusedException extends RuntimeException {

    private final String messageKey;
    private final transient Object[] arguments;

    CaseloadRefusedException(String messageKey, Object... arguments) {
        super(messageKey);
        this.messageKey = messageKey;
        this.arguments = arguments;
    }

    public String messageKey() {
        return messageKey;
    }

    public Object[] arguments() {
        return arguments;
    }
}
