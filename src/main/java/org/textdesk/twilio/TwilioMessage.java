package org.textdesk.twilio;

import java.time.Instant;

/**
 * A message as Twilio's REST API describes it when asked (fetch or list), for reconciliation.
 *
 * @param status    Twilio's status word in lower case, or null when the SDK does not know the word
 * @param errorCode Twilio's error code, or null
 * @param dateCreated when Twilio created it, or null
 */
public record TwilioMessage(String sid, String to, String from, String body, String status, String errorCode,
        Instant dateCreated) {

    /** Never the body or the numbers in full: this may end up in a log. */
    @Override
    public String toString() {
        return "TwilioMessage[sid=" + sid + ", status=" + status + ", errorCode=" + errorCode + "]";
    }
}
