package org.textdesk.media;

/** The states of a file of an incoming text (text_media.state). */
final class MediaState {

    /** Not fetched yet: the fetch job will (again, after a failure). */
    static final String PENDING = "PENDING";
    /** Fetched and kept: the bytes are in the row. */
    static final String STORED = "STORED";
    /** Only its name and type are kept ({@link NotKept} says why). */
    static final String NOT_KEPT = "NOT_KEPT";
    /** Twilio never gave it after many attempts. */
    static final String GAVE_UP = "GAVE_UP";

    private MediaState() {
    }
}
