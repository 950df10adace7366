package org.textdesk.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The window of automated texts in the client's time: its edges, its zones, and the next moment it opens. */
class QuietHoursTest {

    static final QuietHours EIGHT_TO_NINE = new QuietHours(LocalTime.of(8, 0), LocalTime.of(21, 0));
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    @Test
    void nineToNinePmIsInsideAndNinePmIsOutsideInTheClientsTime() {
        // Wednesday 6 March 2030, standard time: Los Angeles is UTC-8
        assertThat(EIGHT_TO_NINE.allows(Instant.parse("2030-03-07T04:59:59Z"), List.of(LOS_ANGELES))).isTrue();
        assertThat(EIGHT_TO_NINE.allows(Instant.parse("2030-03-07T05:00:00Z"), List.of(LOS_ANGELES))).isFalse();
    }

    @Test
    void eightIsInsideAndAMomentBeforeIsOutside() {
        assertThat(EIGHT_TO_NINE.allows(Instant.parse("2030-03-06T13:00:00Z"), List.of(NEW_YORK))).isTrue();
        assertThat(EIGHT_TO_NINE.allows(Instant.parse("2030-03-06T12:59:59Z"), List.of(NEW_YORK))).isFalse();
    }

    @Test
    void aNumberSpanningSeveralZonesIsAllowedOnlyWhereEveryZoneIsInside() {
        List<ZoneId> both = List.of(NEW_YORK, LOS_ANGELES);
        // 9:00 in New York is 6:00 in Los Angeles; 21:00 in New York is 18:00 in Los Angeles
        assertThat(EIGHT_TO_NINE.allows(Instant.parse("2030-03-06T14:00:00Z"), both)).isFalse();
        assertThat(EIGHT_TO_NINE.allows(Instant.parse("2030-03-06T16:00:00Z"), both)).isTrue();
        assertThat(EIGHT_TO_NINE.allows(Instant.parse("2030-03-07T01:59:59Z"), both)).isTrue();
        assertThat(EIGHT_TO_NINE.allows(Instant.parse("2030-03-07T02:00:00Z"), both)).isFalse();
    }

    @Test
    void insideTheWindowTheNextAllowedMomentIsNow() {
        Instant now = Instant.parse("2030-03-06T15:00:00Z");
        assertThat(EIGHT_TO_NINE.nextAllowed(now, List.of(NEW_YORK))).isEqualTo(now);
    }

    @Test
    void beforeTheWindowItOpensTheSameMorningAndAfterItTheNextMorning() {
        assertThat(EIGHT_TO_NINE.nextAllowed(Instant.parse("2030-03-06T10:00:00Z"), List.of(NEW_YORK)))
                .isEqualTo(Instant.parse("2030-03-06T13:00:00Z"));
        assertThat(EIGHT_TO_NINE.nextAllowed(Instant.parse("2030-03-07T02:00:00Z"), List.of(NEW_YORK)))
                .isEqualTo(Instant.parse("2030-03-07T13:00:00Z"));
    }

    @Test
    void withSeveralZonesItOpensWhenTheLastOfThemOpens() {
        assertThat(EIGHT_TO_NINE.nextAllowed(Instant.parse("2030-03-06T13:00:00Z"), List.of(NEW_YORK, LOS_ANGELES)))
                .isEqualTo(Instant.parse("2030-03-06T16:00:00Z"));
        // after 21:00 in New York: the next morning in Los Angeles
        assertThat(EIGHT_TO_NINE.nextAllowed(Instant.parse("2030-03-07T02:30:00Z"), List.of(LOS_ANGELES, NEW_YORK)))
                .isEqualTo(Instant.parse("2030-03-07T16:00:00Z"));
    }

    @Test
    void theMorningAfterTheClocksSpringForwardOpensAtEightLocal() {
        // Sunday 10 March 2030: clocks go from 2:00 to 3:00 in New York, 8:00 is then UTC-4
        assertThat(EIGHT_TO_NINE.nextAllowed(Instant.parse("2030-03-10T03:00:00Z"), List.of(NEW_YORK)))
                .isEqualTo(Instant.parse("2030-03-10T12:00:00Z"));
    }

    @Test
    void aWindowThatNeverOpensInAllZonesIsSaidSo() {
        QuietHours oneHour = new QuietHours(LocalTime.of(9, 0), LocalTime.of(10, 0));
        assertThatThrownBy(() -> oneHour.nextAllowed(Instant.parse("2030-03-06T10:00:00Z"),
                List.of(NEW_YORK, LOS_ANGELES))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("never open");
    }

    @Test
    void aWindowMustStartBeforeItEnds() {
        assertThatThrownBy(() -> new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QuietHours(LocalTime.of(8, 0), LocalTime.of(8, 0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new QuietHours(null, LocalTime.of(8, 0))).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new QuietHours(LocalTime.of(8, 0), null)).isInstanceOf(NullPointerException.class);
    }
}
