package org.textdesk.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** A cell number's time zones from its area code, as libphonenumber's PhoneNumberToTimeZonesMapper has them. */
class AreaCodeTimeZonesTest {

    @Test
    void anAreaCodeInOneZone() {
        assertThat(AreaCodeTimeZones.of("+14045387319")).containsExactly(ZoneId.of("America/New_York"));
        assertThat(AreaCodeTimeZones.of("+12065550143")).containsExactly(ZoneId.of("America/Los_Angeles"));
        assertThat(AreaCodeTimeZones.of("+13125550100")).containsExactly(ZoneId.of("America/Chicago"));
        assertThat(AreaCodeTimeZones.of("+18085550100")).containsExactly(ZoneId.of("Pacific/Honolulu"));
    }

    @Test
    void noNumberOrOneItCannotPlaceGivesNoZone() {
        assertThat(AreaCodeTimeZones.of(null)).isEmpty();
        assertThat(AreaCodeTimeZones.of(" ")).isEmpty();
        assertThat(AreaCodeTimeZones.of("not a number")).isEmpty();
    }

    @Test
    void aNumberAskedAgainGetsTheSameZonesAndTheRememberedNumbersStayBounded() {
        assertThat(AreaCodeTimeZones.of("+13125550199")).containsExactly(ZoneId.of("America/Chicago"));
        assertThat(AreaCodeTimeZones.of("+13125550199")).containsExactly(ZoneId.of("America/Chicago"));
        assertThat(AreaCodeTimeZones.of("not a number either")).isEmpty();
        assertThat(AreaCodeTimeZones.of("not a number either")).isEmpty();
        for (int i = 0; i < AreaCodeTimeZones.REMEMBERED + 10; i++) {
            AreaCodeTimeZones.of("+1404" + String.format("%07d", i));
        }
        assertThat(AreaCodeTimeZones.remembered()).isBetween(1, AreaCodeTimeZones.REMEMBERED);
        assertThat(AreaCodeTimeZones.of("+14045387319")).containsExactly(ZoneId.of("America/New_York"));
    }
}
