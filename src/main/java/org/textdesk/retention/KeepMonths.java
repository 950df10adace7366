package org.textdesk.retention;

import java.time.Instant;
import java.time.ZoneOffset;
import org.textdesk.system.FieldRuleException;

/**
 * How long message bodies and pictures are kept: a whole number of months from {@link #LEAST} to {@link #MOST}
 * (ten years), or forever (months null), which is the default.
 */
record KeepMonths(Integer months) {

    static final int LEAST = 1;
    static final int MOST = 120;
    static final KeepMonths FOREVER = new KeepMonths(null);
    static final String FIELD = "keepMonths";

    KeepMonths {
        if (months != null && (months < LEAST || months > MOST)) {
            throw new IllegalArgumentException("keep months must be from " + LEAST + " to " + MOST);
        }
    }

    /** What an admin typed: empty (or spaces) is forever; else digits only, from 1 to 120. */
    static KeepMonths parse(String typed) {
        String value = typed == null ? "" : typed.strip();
        if (value.isEmpty()) {
            return FOREVER;
        }
        if (!value.matches("[0-9]+")) {
            throw new FieldRuleException(FIELD, "retention.keepMonths.notWhole", LEAST, MOST);
        }
        // more than three digits (after leading zeros) is past 120 whatever it says, and may not fit an int
        String digits = value.replaceFirst("^0+(?=.)", "");
        if (digits.length() > 3 || Integer.parseInt(digits) < LEAST || Integer.parseInt(digits) > MOST) {
            throw new FieldRuleException(FIELD, "retention.keepMonths.outOfRange", LEAST, MOST);
        }
        return new KeepMonths(Integer.parseInt(digits));
    }

    boolean forever() {
        return months == null;
    }

    /**
     * Texts created before this instant have been kept for the months: the same day and time of day, that many
     * calendar months back (UTC); on a day the earlier month lacks (31 March, 6 months back), its last day.
     */
    Instant cutoff(Instant now) {
        if (forever()) {
            throw new IllegalStateException("kept forever: no cutoff");
        }
        return now.atOffset(ZoneOffset.UTC).minusMonths(months).toInstant();
    }

    /** As the settings form shows it: the number, or empty for forever. */
    String typed() {
        return forever() ? "" : String.valueOf(months);
    }
}
