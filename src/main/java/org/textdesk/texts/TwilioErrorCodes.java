package org.textdesk.texts;

import org.textdesk.twilio.SendAttempt;

/**
 * The error codes TextDesk stores on a text besides Twilio's own numeric codes: what happened when no
 * Twilio error code was given. Each has its words in messages.properties as texting.error.CODE.
 */
public final class TwilioErrorCodes {

    /** Twilio could not be reached at all: the text was not sent. */
    public static final String NETWORK = SendAttempt.NETWORK;
    /** The request went out but no answer came back in time: the text may or may not have been sent. */
    public static final String NO_ANSWER = SendAttempt.NO_ANSWER;
    public static final String HTTP_429 = "HTTP-429";
    /**
     * The answer to the send was lost and Twilio has no record of the text half an hour later (see
     * status reconciliation): it was not sent.
     */
    public static final String NOT_FOUND = "NOT-FOUND";
    /** Twilio's own code for a number that texted STOP: the client's Okay to Text is unticked. */
    public static final String STOPPED = "21610";

    private TwilioErrorCodes() {
    }
}
