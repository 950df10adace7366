package org.textdesk.twilio;

/**
 * TextDesk cannot start without a usable key for the Auth Token. The message says what to do and
 * never contains the key itself.
 */
class EncryptionKeyException extends RuntimeException {

    private final String action;

    EncryptionKeyException(String description, String action) {
        super(description + " " + action);
        this.action = action;
    }

    String description() {
        String message = getMessage();
        return message.substring(0, message.length() - action.length() - 1);
    }

    String action() {
        return action;
    }
}
