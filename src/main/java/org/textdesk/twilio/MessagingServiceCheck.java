package org.textdesk.twilio;

/**
 * What "Test connection" found about Twilio Setup's Messaging Service, fetched from Twilio's Messaging API v1
 * (messaging.twilio.com) with the account's credentials. Never carries the Auth Token.
 *
 * @param outcome         the result in one word
 * @param serviceName     the service's friendly name when {@link Outcome#FOUND}
 * @param ownerAccountSid the account the service belongs to when {@link Outcome#OTHER_ACCOUNT} and Twilio said
 * @param networkFailure  why Twilio could not be reached when {@link Outcome#UNREACHABLE}
 * @param httpStatus      the HTTP status Twilio answered with, when it answered with an error
 * @param twilioErrorCode Twilio's error code (for example 20404), when it gave one
 * @param numberInSenderPool when {@link Outcome#FOUND} and a Twilio number was given: whether it is one of the
 *                        service's senders; null when not asked or Twilio's list could not be had
 */
public record MessagingServiceCheck(Outcome outcome, String serviceName, String ownerAccountSid,
        NetworkFailure networkFailure, Integer httpStatus, Integer twilioErrorCode, Boolean numberInSenderPool) {

    public enum Outcome {
        /** Twilio has the service in this account. */
        FOUND,
        /** Twilio answered 404: no service with this SID in the account the credentials are for. */
        NOT_FOUND,
        /** The service belongs to another account, or Twilio answered 403 for it. */
        OTHER_ACCOUNT,
        /** Twilio refused the credentials (401, error 20003). */
        BAD_CREDENTIALS,
        /** Twilio could not be reached. */
        UNREACHABLE,
        /** Any other error answer, or an answer TextDesk could not read. */
        OTHER_ERROR
    }

    static MessagingServiceCheck found(String serviceName) {
        return new MessagingServiceCheck(Outcome.FOUND, serviceName == null ? "" : serviceName, null, null, null, null,
                null);
    }

    static MessagingServiceCheck ofAnotherAccount(String ownerAccountSid) {
        return new MessagingServiceCheck(Outcome.OTHER_ACCOUNT, null, ownerAccountSid, null, null, null, null);
    }

    static MessagingServiceCheck from(TwilioFailure failure) {
        if (failure.networkFailure() != null) {
            return new MessagingServiceCheck(Outcome.UNREACHABLE, null, null, failure.networkFailure(), null, null, null);
        }
        Outcome outcome;
        if (failure.isBadCredentials()) {
            outcome = Outcome.BAD_CREDENTIALS;
        } else if (failure.httpStatus() != null && failure.httpStatus() == 404) {
            outcome = Outcome.NOT_FOUND;
        } else if (failure.httpStatus() != null && failure.httpStatus() == 403) {
            outcome = Outcome.OTHER_ACCOUNT;
        } else {
            outcome = Outcome.OTHER_ERROR;
        }
        return new MessagingServiceCheck(outcome, null, null, null, failure.httpStatus(), failure.twilioErrorCode(),
                null);
    }

    public MessagingServiceCheck withNumberInSenderPool(Boolean inPool) {
        return new MessagingServiceCheck(outcome, serviceName, ownerAccountSid, networkFailure, httpStatus,
                twilioErrorCode, inPool);
    }

    public boolean isFound() {
        return outcome == Outcome.FOUND;
    }
}
