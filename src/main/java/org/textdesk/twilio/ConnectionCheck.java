package org.textdesk.twilio;

/**
 * What "Test connection" found: Twilio accepted the credentials (and the account's name), refused
 * them, could not be reached, or answered with another error. Never carries the Auth Token.
 *
 * @param outcome          the result in one word
 * @param accountName      the account's friendly name when {@link Outcome#OK}
 * @param networkFailure   why Twilio could not be reached when {@link Outcome#UNREACHABLE}
 * @param httpStatus       the HTTP status Twilio answered with, when it answered with an error
 * @param twilioErrorCode  Twilio's error code (for example 20003), when it gave one
 */
public record ConnectionCheck(Outcome outcome, String accountName, NetworkFailure networkFailure, Integer httpStatus,
        Integer twilioErrorCode) {

    public enum Outcome {
        OK,
        BAD_CREDENTIALS,
        UNREACHABLE,
        OTHER_ERROR
    }

    public static ConnectionCheck ok(String accountName) {
        return new ConnectionCheck(Outcome.OK, accountName == null ? "" : accountName, null, null, null);
    }

    static ConnectionCheck from(TwilioFailure failure) {
        if (failure.networkFailure() != null) {
            return new ConnectionCheck(Outcome.UNREACHABLE, null, failure.networkFailure(), null, null);
        }
        Outcome outcome = failure.isBadCredentials() ? Outcome.BAD_CREDENTIALS : Outcome.OTHER_ERROR;
        return new ConnectionCheck(outcome, null, null, failure.httpStatus(), failure.twilioErrorCode());
    }

    public boolean isOk() {
        return outcome == Outcome.OK;
    }
}
