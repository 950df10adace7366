package org.textdesk.reminders;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;

/**
 * The window in which automated texts may go out, in the client's own time: from {@code start} (included) to
 * {@code end} (excluded), 8:00 to 21:00 unless an admin sets another. A client whose number spans several time
 * zones gets the most restrictive answer: a moment is allowed only when it is inside the window in every one.
 */
public record QuietHours(LocalTime start, LocalTime end) {

    /** How far ahead {@link #nextAllowed} looks before it says the window never opens in all the zones. */
    private static final Duration LONGEST_SEARCH = Duration.ofDays(8);

    public QuietHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("the window must start before it ends: " + start + "-" + end);
        }
    }

    /** Whether a text may go out at {@code moment} for a client in every one of {@code zones}. */
    public boolean allows(Instant moment, List<ZoneId> zones) {
        return zones.stream().allMatch(zone -> allows(moment, zone));
    }

    /** The first moment at or after {@code now} inside the window in every zone (now itself when it is). */
    public Instant nextAllowed(Instant now, List<ZoneId> zones) {
        Instant candidate = now;
        // each round moves to the next opening in some zone; a window open in all of them is found within a day
        while (!candidate.isAfter(now.plus(LONGEST_SEARCH))) {
            Instant moved = candidate;
            for (ZoneId zone : zones) {
                moved = nextAllowed(moved, zone);
            }
            if (moved.equals(candidate)) {
                return candidate;
            }
            candidate = moved;
        }
        throw new IllegalStateException("the window " + start + "-" + end + " is never open in all of " + zones);
    }

    private boolean allows(Instant moment, ZoneId zone) {
        LocalTime local = moment.atZone(zone).toLocalTime();
        return !local.isBefore(start) && local.isBefore(end);
    }

    private Instant nextAllowed(Instant now, ZoneId zone) {
        if (allows(now, zone)) {
            return now;
        }
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime opening = local.toLocalDate().atTime(start).atZone(zone);
        return local.toLocalTime().isBefore(start) ? opening.toInstant() : opening.plusDays(1).toInstant();
    }
}
