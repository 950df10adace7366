package org.textdesk.twiliosetup;

/**
 * TextDesk cannot start without a usable key for the Auth Token. The message says what is wrong and
 * what to do, and never contains the key itself.
 */
class EncryptionKeyException extends RuntimeException {

    private final String description;
    private final String action;

    EncryptionKeyException(String description, String action) {
        super(description + " " + action);
        this.description = description;
        this.action = action;
    }

    String description() {
        return description;
    }

    String action() {
        return action;
    }
}
