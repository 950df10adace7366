package org.textdesk.twilio;

/**
 * What happened when TextDesk asked Twilio to send one text.
 *
 * @param outcome   ACCEPTED (Twilio took it: sid and status set), REFUSED (Twilio answered with an error),
 *                  NOT_REACHED (Twilio was never reached: not sent), NO_ANSWER (the request went out but the
 *                  answer was lost: it may have been sent)
 * @param sid       Twilio's message SID when accepted
 * @param status    Twilio's first status when accepted (queued, accepted, ...)
 * @param errorCode when not accepted: Twilio's error code (21610), else HTTP-nnn, NETWORK or NO-ANSWER
 */
public record SendAttempt(Outcome outcome, String sid, String status, String errorCode) {

    /** Twilio was never reached: the text was not sent. */
    public static final String NETWORK = "NETWORK";
    /** The request went out but no answer came back in time: the text may or may not have been sent. */
    public static final String NO_ANSWER = "NO-ANSWER";

    public enum Outcome {
        ACCEPTED,
        REFUSED,
        NOT_REACHED,
        NO_ANSWER
    }

    static SendAttempt accepted(String sid, String status) {
        return new SendAttempt(Outcome.ACCEPTED, sid, status, null);
    }

    static SendAttempt from(TwilioFailure failure) {
        if (failure.networkFailure() != null) {
            return failure.answerLost() ? new SendAttempt(Outcome.NO_ANSWER, null, null, NO_ANSWER)
                    : new SendAttempt(Outcome.NOT_REACHED, null, null, NETWORK);
        }
        String code = failure.twilioErrorCode() != null ? String.valueOf(failure.twilioErrorCode())
                : "HTTP-" + failure.httpStatus();
        return new SendAttempt(Outcome.REFUSED, null, null, code);
    }
}
