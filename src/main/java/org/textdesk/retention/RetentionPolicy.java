package org.textdesk.retention;

/** The retention settings as saved: how long bodies and pictures are kept, and whether texts are deleted at Twilio. */
record RetentionPolicy(KeepMonths keep, boolean deleteAtTwilio) {

    /** With no settings saved: everything is kept, nothing is deleted at Twilio. */
    static final RetentionPolicy DEFAULT = new RetentionPolicy(KeepMonths.FOREVER, false);
}
