package org.textdesk.reminders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.textdesk.system.FieldRuleException;

/** "Send at" as typed: a date and a time in the organisation's zone, after now, at most a year ahead. */
class DueTimeTest {

    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final Instant NOW = Instant.parse("2030-03-05T15:00:00Z");

    @Test
    void aDateAndTimeInTheOrganisationsZone() {
        assertThat(DueTime.parse("2030-03-05", "14:30", NEW_YORK, NOW)).isEqualTo(Instant.parse("2030-03-05T19:30:00Z"));
        assertThat(DueTime.parse(" 2030-07-04 ", " 09:00 ", NEW_YORK, NOW)).isEqualTo(Instant.parse("2030-07-04T13:00:00Z"));
    }

    @Test
    void aMinuteAfterNowIsAcceptedAndNowItselfIsNot() {
        assertThat(DueTime.parse("2030-03-05", "10:01", NEW_YORK, NOW)).isEqualTo(Instant.parse("2030-03-05T15:01:00Z"));
        assertRefused("2030-03-05", "10:00", "texting.sendAt.past");
    }

    @Test
    void aYearAheadIsTheFurthest() {
        assertThat(DueTime.parse("2031-03-06", "10:00", NEW_YORK, NOW)).isEqualTo(Instant.parse("2031-03-06T15:00:00Z"));
        assertRefused("2031-03-06", "10:01", "texting.sendAt.tooFar");
    }

    @Test
    void aTimeTheClocksSkipMovesOnByTheGap() {
        // 2:30 on 10 March 2030 does not exist in New York: it is 3:30 daylight time
        assertThat(DueTime.parse("2030-03-10", "02:30", NEW_YORK, NOW)).isEqualTo(Instant.parse("2030-03-10T07:30:00Z"));
    }

    @Test
    void badInputIsRefusedBesideTheDate() {
        assertRefused("2030-02-30", "10:00", "texting.sendAt.invalid");
        assertRefused("3/6/2030", "10:00", "texting.sendAt.invalid");
        assertRefused("2030-03-06", "25:00", "texting.sendAt.invalid");
        assertRefused("2030-03-06", "10 am", "texting.sendAt.invalid");
        assertRefused("", "10:00", "texting.sendAt.required");
        assertRefused("2030-03-06", " ", "texting.sendAt.required");
        assertRefused(null, "10:00", "texting.sendAt.required");
        assertRefused("2030-03-06", null, "texting.sendAt.required");
    }

    private static void assertRefused(String date, String time, String messageKey) {
        assertThatThrownBy(() -> DueTime.parse(date, time, NEW_YORK, NOW)).isInstanceOfSatisfying(
                FieldRuleException.class, refused -> {
                    assertThat(refused.field()).isEqualTo("sendDate");
                    assertThat(refused.messageKey()).isEqualTo(messageKey);
                });
    }
}
