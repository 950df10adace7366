package org.textdesk.appointments;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.textdesk.system.FieldRuleException;

/**
 * When a reminder plan's reminder goes: {@code daysBefore} days before the appointment's day at {@code atTime}
 * ("2 days before at 10:00", in the organisation's time zone), or {@code minutesBefore} minutes before the
 * appointment itself ("2 hours before"). Exactly one of the two forms is set.
 */
public record ReminderTiming(Integer daysBefore, LocalTime atTime, Integer minutesBefore) {

    static final int MOST_DAYS = 30;
    static final int MOST_HOURS = 72;

    public ReminderTiming {
        boolean daysForm = daysBefore != null && atTime != null && minutesBefore == null;
        boolean beforeForm = daysBefore == null && atTime == null && minutesBefore != null;
        if (!daysForm && !beforeForm) {
            throw new IllegalArgumentException("either days before and a time, or minutes before");
        }
    }

    /**
     * The timing an admin typed: kind {@code DAYS} with days (0 to 30) and a time, or {@code HOURS} with hours
     * (1 to 72).
     *
     * @throws FieldRuleException beside the field that breaks a rule
     */
    static ReminderTiming of(String kind, Integer days, LocalTime at, Integer hours) {
        if ("DAYS".equals(kind)) {
            if (days == null || days < 0 || days > MOST_DAYS) {
                throw new FieldRuleException("daysBefore", "appointments.plan.days.invalid", MOST_DAYS);
            }
            if (at == null) {
                throw new FieldRuleException("atTime", "appointments.plan.atTime.required");
            }
            return new ReminderTiming(days, at, null);
        }
        if ("HOURS".equals(kind)) {
            if (hours == null || hours < 1 || hours > MOST_HOURS) {
                throw new FieldRuleException("hoursBefore", "appointments.plan.hours.invalid", MOST_HOURS);
            }
            return new ReminderTiming(null, null, hours * 60);
        }
        throw new FieldRuleException("kind", "appointments.plan.kind.required");
    }

    /** The moment the reminder of an appointment at {@code startsAt} goes, days counted in {@code zone}. */
    Instant dueAt(Instant startsAt, ZoneId zone) {
        if (minutesBefore != null) {
            return startsAt.minus(Duration.ofMinutes(minutesBefore));
        }
        ZonedDateTime day = startsAt.atZone(zone).toLocalDate().minusDays(daysBefore).atStartOfDay(zone);
        return ZonedDateTime.of(day.toLocalDate(), atTime, zone).toInstant();
    }

    /** The message key and arguments that say it in words ("2 days before at 10:00 AM", "2 hours before"). */
    public String wordsKey() {
        return (String) words()[0];
    }

    public Object[] wordsArguments() {
        Object[] words = words();
        return java.util.Arrays.copyOfRange(words, 1, words.length);
    }

    private Object[] words() {
        if (minutesBefore != null) {
            return minutesBefore % 60 == 0 ? new Object[] {"appointments.plan.hoursBefore", minutesBefore / 60}
                    : new Object[] {"appointments.plan.minutesBefore", minutesBefore};
        }
        return new Object[] {"appointments.plan.daysBefore", daysBefore,
                java.time.format.DateTimeFormatter.ofPattern("h:mm a", java.util.Locale.US).format(atTime)};
    }
}
