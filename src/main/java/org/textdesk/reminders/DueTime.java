package org.textdesk.reminders;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.textdesk.system.FieldRuleException;

/**
 * "Send at": a date (yyyy-mm-dd, as a date input posts it) and a time (hh:mm) in the organisation's time zone,
 * which must be after now and at most a year ahead. Refusals name the date field, so the form shows the message
 * beside "Send at" and keeps what was typed.
 */
public final class DueTime {

    public static final String FIELD = "sendDate";
    static final Duration LONGEST_AHEAD = Duration.ofDays(366);

    private DueTime() {
    }

    /** The moment the date and time name in {@code zone}, checked against {@code now}. */
    public static Instant parse(String date, String time, ZoneId zone, Instant now) {
        if (date == null || date.isBlank() || time == null || time.isBlank()) {
            throw new FieldRuleException(FIELD, "texting.sendAt.required");
        }
        Instant due;
        try {
            // A time the clocks skip (spring forward) moves on by the gap, as ZonedDateTime does.
            due = ZonedDateTime.of(LocalDate.parse(date.strip()), LocalTime.parse(time.strip()), zone).toInstant();
        } catch (DateTimeException notADateOrTime) {
            throw new FieldRuleException(FIELD, "texting.sendAt.invalid");
        }
        if (!due.isAfter(now)) {
            throw new FieldRuleException(FIELD, "texting.sendAt.past");
        }
        if (due.isAfter(now.plus(LONGEST_AHEAD))) {
            throw new FieldRuleException(FIELD, "texting.sendAt.tooFar");
        }
        return due;
    }
}
