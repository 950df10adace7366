package org.textdesk.quickentry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.textdesk.system.FieldRuleException;

class QuickEntryTextTest {

    @Test
    void theFourKnownPlaceholdersAreAccepted() {
        String text = "Hi {first_name} {last_name}, about case {case_number}: please call {staff_name}.";
        assertThat(QuickEntryText.check(text)).isEqualTo(text);
    }

    @Test
    void anUnknownPlaceholderIsRefusedNamingIt() {
        assertThatThrownBy(() -> QuickEntryText.check("Your meeting is on {meeting_date} with {staff_name}."))
                .isInstanceOfSatisfying(FieldRuleException.class, refused -> {
                    assertThat(refused.field()).isEqualTo("text");
                    assertThat(refused.messageKey()).isEqualTo("quickEntry.text.unknownPlaceholder");
                    assertThat(refused.arguments()[0]).isEqualTo("{meeting_date}");
                });
        assertThatThrownBy(() -> QuickEntryText.check("Hello {First_Name}"))
                .isInstanceOfSatisfying(FieldRuleException.class,
                        refused -> assertThat(refused.arguments()[0]).isEqualTo("{First_Name}"));
        assertThatThrownBy(() -> QuickEntryText.check("Hello {}"))
                .isInstanceOfSatisfying(FieldRuleException.class,
                        refused -> assertThat(refused.arguments()[0]).isEqualTo("{}"));
    }

    @Test
    void aTextMustFitOneSmsAsTyped() {
        assertThat(QuickEntryText.check("a".repeat(160))).hasSize(160);
        assertThatThrownBy(() -> QuickEntryText.check("a".repeat(161)))
                .isInstanceOfSatisfying(FieldRuleException.class, refused -> {
                    assertThat(refused.messageKey()).isEqualTo("quickEntry.text.tooLong");
                    assertThat(refused.arguments()).containsExactly(161, 160);
                });
        // A placeholder counts as typed: its braces are GSM extension characters worth two each.
        String withPlaceholder = "{first_name}" + "a".repeat(146);
        assertThat(QuickEntryText.check(withPlaceholder)).isEqualTo(withPlaceholder);
        assertThatThrownBy(() -> QuickEntryText.check(withPlaceholder + "a")).isInstanceOf(FieldRuleException.class);
    }

    @Test
    void aUcs2TextOver70IsRefusedNamingTheCharacter() {
        String seventy = "Привет" + "a".repeat(64);
        assertThat(QuickEntryText.check(seventy)).hasSize(70);
        assertThatThrownBy(() -> QuickEntryText.check(seventy + "a"))
                .isInstanceOfSatisfying(FieldRuleException.class, refused -> {
                    assertThat(refused.messageKey()).isEqualTo("quickEntry.text.tooLongUnicode");
                    assertThat(refused.arguments()).containsExactly(71, 70, "П");
                });
    }

    @Test
    void aBlankTextIsRefusedAndLookAlikesAreStoredAsTheyWillBeSent() {
        assertThatThrownBy(() -> QuickEntryText.check("   "))
                .isInstanceOfSatisfying(FieldRuleException.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo("quickEntry.text.required"));
        assertThat(QuickEntryText.check("  Don’t forget…  ")).isEqualTo("Don't forget...");
    }

    @Test
    void placeholdersAreFilledAndMissingValuesLeaveThePlaceholder() {
        String text = "Dear {first_name} {last_name}, case {case_number}. {staff_name}";
        assertThat(QuickEntryText.fill(text, new PlaceholderValues("Maria", "Lopez", "16E-20010101", "Casey Worker")))
                .isEqualTo("Dear Maria Lopez, case 16E-20010101. Casey Worker");
        assertThat(QuickEntryText.fill(text, new PlaceholderValues(null, "Lopez", null, null)))
                .isEqualTo("Dear {first_name} Lopez, case {case_number}. {staff_name}");
        assertThat(QuickEntryText.unfilledPlaceholders("Dear {first_name}, {meeting} {case_number} {first_name}"))
                .containsExactly("{first_name}", "{case_number}");
        assertThat(QuickEntryText.unfilledPlaceholders("Dear Maria, case 16E-20010101.")).isEmpty();
        assertThat(QuickEntryText.fill("Pay $5 {first_name}", new PlaceholderValues("A$1\\b", "", "", "")))
                .isEqualTo("Pay $5 A$1\\b");
        assertThat(new QuickEntryView(1, 1, "Hi {first_name}").filledWith(new PlaceholderValues("Jo", "", "", "")))
                .isEqualTo("Hi Jo");
    }

    @Test
    void aVersionInAnotherLanguageFollowsTheSameRulesOnItsOwnField() {
        // ñ, é, ü, ¿ and ¡ are in the GSM 7-bit alphabet: a Spanish text with only those holds 160 characters.
        String gsmSpanish = "¿Mañana? ¡Olé!" + "ñ".repeat(146);
        assertThat(gsmSpanish).hasSize(160);
        assertThat(QuickEntryText.check(gsmSpanish, "versions[2]")).isEqualTo(gsmSpanish);
        assertThatThrownBy(() -> QuickEntryText.check(gsmSpanish + "é", "versions[2]"))
                .isInstanceOfSatisfying(FieldRuleException.class, refused -> {
                    assertThat(refused.field()).isEqualTo("versions[2]");
                    assertThat(refused.messageKey()).isEqualTo("quickEntry.text.tooLong");
                    assertThat(refused.arguments()).containsExactly(161, 160);
                });
        // á is not: one makes it a Unicode text of 70 at most, named in the message.
        String ucs2Spanish = "Está bien. " + "a".repeat(59);
        assertThat(QuickEntryText.check(ucs2Spanish, "versions[2]")).hasSize(70);
        assertThatThrownBy(() -> QuickEntryText.check(ucs2Spanish + "ñ", "versions[2]"))
                .isInstanceOfSatisfying(FieldRuleException.class, refused -> {
                    assertThat(refused.field()).isEqualTo("versions[2]");
                    assertThat(refused.messageKey()).isEqualTo("quickEntry.text.tooLongUnicode");
                    assertThat(refused.arguments()).containsExactly(71, 70, "á");
                });
        assertThatThrownBy(() -> QuickEntryText.check("Hola {nombre}", "versions[3]"))
                .isInstanceOfSatisfying(FieldRuleException.class, refused -> {
                    assertThat(refused.field()).isEqualTo("versions[3]");
                    assertThat(refused.arguments()[0]).isEqualTo("{nombre}");
                });
        assertThatThrownBy(() -> QuickEntryText.check(" ", "versions[3]"))
                .isInstanceOfSatisfying(FieldRuleException.class, refused -> {
                    assertThat(refused.field()).isEqualTo("versions[3]");
                    assertThat(refused.messageKey()).isEqualTo("quickEntry.text.required");
                });
    }
}
