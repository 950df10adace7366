package org.textdesk.media;

/** Why a file of an incoming text was not kept (text_media.not_kept_reason). */
final class NotKept {

    /** Not one of the kept types, or its bytes were not what its type says. */
    static final String TYPE = "TYPE";
    /** Larger than {@link MediaFetching#MAX_BYTES}. */
    static final String SIZE = "SIZE";
    /** Beyond the first {@link IncomingMedia#KEPT_PER_TEXT} of a text. */
    static final String TOO_MANY = "TOO_MANY";
    /** Its URL is not at Twilio (nor at TEXTDESK_TWILIO_API_BASE_URL): the Auth Token is never sent elsewhere. */
    static final String NOT_AT_TWILIO = "NOT_AT_TWILIO";

    /** Removed after the months the retention setting keeps pictures for (retention module). */
    static final String REMOVED = "REMOVED";

    private NotKept() {
    }
}
