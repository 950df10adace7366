package org.textdesk.client;

import java.time.ZonedDateTime;

/** One change of Okay to Text as the client record lists it, newest first. */
record ConsentHistoryRow(ZonedDateTime when, boolean okayToText, ConsentSource source, String detail,
        String cellDisplay, String staffName) {

    /** The message key of where the change came from, in words. */
    public String sourceKey() {
        return "consent.source." + source.name();
    }

    /** The message key of the detail (its argument is {@link #detail()}), or null when there is none. */
    public String detailKey() {
        if (detail == null) {
            return null;
        }
        return switch (source) {
            case STAFF -> ConsentEvent.CELL_CHANGED.equals(detail) ? "consent.detail.cellChanged" : null;
            case KEYWORD -> "consent.detail.keyword";
            case TWILIO_ERROR -> "consent.detail.twilioError";
        };
    }
}
