package org.textdesk.twiliosetup;

import org.textdesk.twilio.ConnectionCheck;
import org.textdesk.twilio.MessagingServiceCheck;

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

    /**
     * What the Messaging Service fetch found, in words: its name, or why it failed (not found, another account,
     * Twilio unreachable).
     */
    static ConnectionCheckMessage of(MessagingServiceCheck check, String serviceSid, String accountSid,
            String apiBaseUrl, String twilioNumber) {
        return switch (check.outcome()) {
            case FOUND -> ofFound(check, serviceSid, twilioNumber);
            case NOT_FOUND -> new ConnectionCheckMessage(false, "twilio.test.service.notFound",
                    new Object[] {serviceSid, accountSid});
            case OTHER_ACCOUNT -> check.ownerAccountSid() == null
                    ? new ConnectionCheckMessage(false, "twilio.test.service.forbidden",
                            new Object[] {serviceSid, accountSid})
                    : new ConnectionCheckMessage(false, "twilio.test.service.otherAccount",
                            new Object[] {serviceSid, check.ownerAccountSid(), accountSid});
            case BAD_CREDENTIALS -> new ConnectionCheckMessage(false, "twilio.test.service.badCredentials",
                    new Object[] {serviceSid, text(check.twilioErrorCode(), "20003")});
            case UNREACHABLE -> new ConnectionCheckMessage(false,
                    "twilio.test.service.unreachable." + check.networkFailure().name(),
                    new Object[] {serviceSid, apiBaseUrl});
            case OTHER_ERROR -> check.httpStatus() == null
                    ? new ConnectionCheckMessage(false, "twilio.test.service.unreadable",
                            new Object[] {serviceSid, apiBaseUrl})
                    : new ConnectionCheckMessage(false, "twilio.test.service.otherError",
                            new Object[] {serviceSid, text(check.httpStatus(), "?"), text(check.twilioErrorCode(), "-")});
        };
    }

    /** A service found: and whether the Twilio number is one of its senders, when that was asked. */
    private static ConnectionCheckMessage ofFound(MessagingServiceCheck check, String serviceSid, String twilioNumber) {
        if (check.numberInSenderPool() == null) {
            return new ConnectionCheckMessage(true, "twilio.test.service.found",
                    new Object[] {check.serviceName(), serviceSid});
        }
        return check.numberInSenderPool()
                ? new ConnectionCheckMessage(true, "twilio.test.service.foundWithNumber",
                        new Object[] {check.serviceName(), serviceSid, twilioNumber.strip()})
                : new ConnectionCheckMessage(false, "twilio.test.service.numberNotSender",
                        new Object[] {check.serviceName(), serviceSid, twilioNumber.strip()});
    }

    /** Numbers as plain text, so that the message shows 20003 and not 20,003. */
    private static String text(Integer number, String otherwise) {
        return number == null ? otherwise : String.valueOf(number);
    }
}
