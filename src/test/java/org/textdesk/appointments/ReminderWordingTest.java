package org.textdesk.appointments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.textdesk.system.FieldRuleException;

/** A reminder text's placeholders and the one-SMS rule with the longest likely values. */
class ReminderWordingTest {

    static final String STANDARD = "Hi {first_name}, reminder: {appointment_date} at {appointment_time}, {place}. "
            + "Reply C to confirm or R to reschedule.";

    @Test
    void fillsEveryPlaceholder() {
        assertThat(ReminderWording.fill(STANDARD + " {case_number} {staff_name}", Map.of("first_name", "Jordan",
                "appointment_date", "3/8/2030", "appointment_time", "10:00 AM", "place", "100 Main St",
                "case_number", "16E-20010101", "staff_name", "Casey Worker")))
                .isEqualTo("Hi Jordan, reminder: 3/8/2030 at 10:00 AM, 100 Main St. Reply C to confirm or R to "
                        + "reschedule. 16E-20010101 Casey Worker");
    }

    @Test
    void aTextThatFitsWithTheLongestLikelyValuesIsKeptStrippedWithLookAlikesReplaced() {
        assertThat(ReminderWording.check("  Hi {first_name} \u2013 see you {appointment_date}\u2026 ", "text"))
                .isEqualTo("Hi {first_name} - see you {appointment_date}...");
        // 61 characters of its own + 12 + 10 + 8 + 31 = 122 filled
        assertThat(ReminderWording.check(STANDARD, "text")).isEqualTo(STANDARD);
    }

    @Test
    void aTextThatFitsAsTypedButNotFilledWithTheLongestLikelyValuesIsRefused() {
        String typed = STANDARD + " Case {case_number}, with {staff_name}."; // 155 typed, 168 filled
        assertThat(typed).hasSizeLessThan(160);
        assertRefused(typed, "appointments.text.notOneSms", 168, 160);
    }

    @Test
    void aTextWithACharacterOutsideTheSmsAlphabetHas70() {
        assertRefused("Hola {first_name} \u2764 {appointment_date} {appointment_time} {place}",
                "appointments.text.notOneSmsUnicode", 71, 70);
    }

    @Test
    void blankTooLongOrUnknownPlaceholdersAreRefused() {
        assertRefused("   ", "appointments.text.required");
        assertRefused(null, "appointments.text.required");
        assertRefused("x".repeat(401), "appointments.text.tooLong", 400);
        assertRefused("Hi {last_name}", "appointments.text.unknownPlaceholder", "{last_name}",
                "{first_name}, {appointment_date}, {appointment_time}, {place}, {case_number}, {staff_name}");
    }

    @Test
    void aFilledReminderFitsOneSmsOrNot() {
        assertThat(ReminderWording.fitsOneSms("x".repeat(160))).isTrue();
        assertThat(ReminderWording.fitsOneSms("x".repeat(161))).isFalse();
        assertThat(ReminderWording.fitsOneSms("{".repeat(80))).isTrue();
        assertThat(ReminderWording.fitsOneSms("{".repeat(81))).isFalse();
    }

    @Test
    void fourHundredCharactersAreTheMostThatMayBeTypedAndTheyMustStillFitOneSms() {
        assertThatThrownBy(() -> ReminderWording.check("x".repeat(400), "text")).isInstanceOfSatisfying(
                FieldRuleException.class, refused -> assertThat(refused.messageKey())
                        .isEqualTo("appointments.text.notOneSms"));
        assertRefused("x".repeat(401), "appointments.text.tooLong", 400);
    }

    private static void assertRefused(String typed, String key, Object... arguments) {
        assertThatThrownBy(() -> ReminderWording.check(typed, "versions[2]")).isInstanceOfSatisfying(
                FieldRuleException.class, refused -> {
                    assertThat(refused.field()).isEqualTo("versions[2]");
                    assertThat(refused.messageKey()).isEqualTo(key);
                    assertThat(refused.arguments()).containsExactly(arguments);
                });
    }
}
