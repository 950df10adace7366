package org.textdesk.coverage;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.textdesk.system.FieldRuleException;
import org.textdesk.texts.SmsText;

/** The rules of an away period: what a person may set, when it is on, and the day an away reply counts for. */
final class AwayRule {

    /** The longest away message: one SMS of GSM-7 characters (a UCS-2 one is refused by the one-SMS rule first). */
    static final int MESSAGE_MAX = 160;

    private AwayRule() {
    }

    /** A period as checked: from before until, until still ahead. */
    record Period(Instant from, Instant until) {
    }

    /**
     * The period typed (date and time in the organisation's zone, as a datetime-local input sends them).
     *
     * @throws FieldRuleException beside the field refused
     */
    static Period period(String from, String until, ZoneId zone, Instant now) {
        Instant start = instant("awayFrom", from, zone);
        Instant end = instant("awayUntil", until, zone);
        if (!end.isAfter(start)) {
            throw new FieldRuleException("awayUntil", "away.until.notAfterFrom");
        }
        if (!end.isAfter(now)) {
            throw new FieldRuleException("awayUntil", "away.until.past");
        }
        return new Period(start, end);
    }

    /**
     * The away message as it will be texted: look-alikes replaced, within one SMS.
     *
     * @throws FieldRuleException beside the message when it is empty or longer than one SMS
     */
    static String message(String typed) {
        String text = typed == null ? "" : typed.strip();
        if (text.isEmpty()) {
            throw new FieldRuleException("message", "away.message.required");
        }
        SmsText sms = SmsText.of(text);
        if (!sms.fitsOneSegment()) {
            throw new FieldRuleException("message", "away.message.tooLong", sms.limit());
        }
        return sms.text();
    }

    /** Whether a period is on at {@code now}: from its start (included) to its end (excluded). */
    static boolean isAway(Instant from, Instant until, Instant now) {
        return !now.isBefore(from) && now.isBefore(until);
    }

    /** The day an away reply at {@code now} counts for: the organisation's date. */
    static LocalDate replyDay(Instant now, ZoneId zone) {
        return now.atZone(zone).toLocalDate();
    }

    private static Instant instant(String field, String typed, ZoneId zone) {
        if (typed == null || typed.isBlank()) {
            throw new FieldRuleException(field, "away.time.required");
        }
        try {
            return LocalDateTime.parse(typed.strip()).atZone(zone).toInstant();
        } catch (DateTimeException notADateTime) {
            throw new FieldRuleException(field, "away.time.invalid");
        }
    }
}
