package org.textdesk.twilio;

/**
 * What fetching one file of an incoming text from Twilio gave ({@link TwilioMedia#fetch}).
 *
 * @param bytes the file, when {@link Outcome#FETCHED}
 * @param contentType the Content-Type Twilio served it with (or null)
 * @param problem what went wrong, in words for the log and the row (no secret, no content); null when fetched
 */
public record MediaDownload(Outcome outcome, byte[] bytes, String contentType, String problem) {

    public enum Outcome {
        /** The bytes are here. */
        FETCHED,
        /** Larger than the limit asked for: not kept. */
        TOO_LARGE,
        /** The URL is not Twilio's: not asked, the Auth Token is never sent anywhere else. */
        NOT_AT_TWILIO,
        /** Not now (404 while Twilio is still storing it, 5xx, timeout, no connection): try again later. */
        TRY_AGAIN
    }

    static MediaDownload tryAgain(String problem) {
        return new MediaDownload(Outcome.TRY_AGAIN, null, null, problem);
    }

    @Override
    public String toString() {
        return "MediaDownload[" + outcome + (bytes == null ? "" : ", " + bytes.length + " bytes") + ", contentType="
                + contentType + (problem == null ? "" : ", " + problem) + "]";
    }
}
