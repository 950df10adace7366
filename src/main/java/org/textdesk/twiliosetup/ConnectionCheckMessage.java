package org.textdesk.twiliosetup;

import org.textdesk.twilio.ConnectionCheck;

/** A "Test connection" result in plain words: a message key of the Twilio Setup section and its arguments. */
record ConnectionCheckMessage(boolean ok, String messageKey, Object[] arguments) {

    static ConnectionCheckMessage of(ConnectionCheck check, String apiBaseUrl) {
        return switch (check.outcome()) {
            case OK -> new ConnectionCheckMessage(true, "twilio.test.ok", new Object[] {check.accountName()});
            case BAD_CREDENTIALS -> new ConnectionCheckMessage(false, "twilio.test.badCredentials",
                    new Object[] {text(check.twilioErrorCode(), "20003")});
            case UNREACHABLE -> new ConnectionCheckMessage(false,
                    "twilio.test.unreachable." + check.networkFailure().name(), new Object[] {apiBaseUrl});
            case OTHER_ERROR -> check.httpStatus() == null
                    ? new ConnectionCheckMessage(false, "twilio.test.unreadable", new Object[] {apiBaseUrl})
                    : new ConnectionCheckMessage(false, "twilio.test.otherError",
                            new Object[] {text(check.httpStatus(), "?"), text(check.twilioErrorCode(), "-")});
        };
    }

    /** Numbers as plain text, so that the message shows 20003 and not 20,003. */
    private static String text(Integer number, String otherwise) {
        return number == null ? otherwise : String.valueOf(number);
    }
}
