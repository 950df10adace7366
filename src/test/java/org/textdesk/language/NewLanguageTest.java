package org.textdesk.language;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.textdesk.system.FieldRuleException;

class NewLanguageTest {

    private static void refused(String name, String code, String field, String messageKey, Object... arguments) {
        assertThatThrownBy(() -> NewLanguage.check(name, code))
                .isInstanceOfSatisfying(FieldRuleException.class, refused -> {
                    assertThat(refused.field()).isEqualTo(field);
                    assertThat(refused.messageKey()).isEqualTo(messageKey);
                    assertThat(refused.arguments()).containsExactly(arguments);
                });
    }

    @Test
    void aNameIsStrippedAndKeptAsTyped() {
        assertThat(NewLanguage.check("  Vietnamese ", "")).isEqualTo(new NewLanguage("Vietnamese", null));
        assertThat(NewLanguage.check("Haitian Creole", null)).isEqualTo(new NewLanguage("Haitian Creole", null));
        assertThat(NewLanguage.check("Chinese (Cantonese)", "")).isEqualTo(new NewLanguage("Chinese (Cantonese)", null));
        assertThat(NewLanguage.check("K'iche'", "")).isEqualTo(new NewLanguage("K'iche'", null));
        assertThat(NewLanguage.check("Tiếng Việt", "")).isEqualTo(new NewLanguage("Tiếng Việt", null));
        assertThat(NewLanguage.check("Serbo-Croatian", "")).isEqualTo(new NewLanguage("Serbo-Croatian", null));
        assertThat(NewLanguage.check("中文", "")).isEqualTo(new NewLanguage("中文", null));
        // Letters with combining accents (as some keyboards type them) are stored composed: "é" is one character.
        assertThat(NewLanguage.check("Fran\u0063\u0327ais", "").name()).isEqualTo("Fran\u00e7ais").hasSize(8);
        // A combining mark that has no composed form is still part of a letter (Devanagari vowel sign).
        assertThat(NewLanguage.check("हिन्दी", "").name()).isEqualTo("हिन्दी");
    }

    @Test
    void aNameIsRequiredAtMost40CharactersAndMadeOfLetters() {
        refused("", "", "name", "language.name.required");
        refused("   ", "vi", "name", "language.name.required");
        refused(null, null, "name", "language.name.required");
        assertThat(NewLanguage.check("a".repeat(40), "").name()).hasSize(40);
        refused("a".repeat(41), "", "name", "language.name.tooLong", 40);
        refused("123", "", "name", "language.name.notAName");
        refused("(Spanish)", "", "name", "language.name.notAName");
        refused("-Spanish", "", "name", "language.name.notAName");
        refused("Spanish2", "", "name", "language.name.notAName");
        refused("Spanish!", "", "name", "language.name.notAName");
        refused("Span<b>ish", "", "name", "language.name.notAName");
        refused("Spanish\tMexican", "", "name", "language.name.notAName");
        refused("Spanish_", "", "name", "language.name.notAName");
        refused("Spanish.", "", "name", "language.name.notAName");
    }

    @Test
    void aCodeIsOptionalAndAKnownLanguageWithAnOptionalRegion() {
        assertThat(NewLanguage.check("Vietnamese", " vi ").code()).isEqualTo("vi");
        assertThat(NewLanguage.check("Vietnamese", "VI").code()).isEqualTo("vi");
        assertThat(NewLanguage.check("Portuguese", "pt-BR").code()).isEqualTo("pt-BR");
        assertThat(NewLanguage.check("Portuguese", "PT-BR").code()).isEqualTo("pt-BR");
        assertThat(NewLanguage.check("Chinese", "zh-Hant-TW").code()).isEqualTo("zh-Hant-TW");
        // Three letters: languages without a two-letter code (Hawaiian, K'iche').
        assertThat(NewLanguage.check("Hawaiian", "haw").code()).isEqualTo("haw");
        assertThat(NewLanguage.check("Spanish", "es-419").code()).isEqualTo("es-419");
    }

    @Test
    void aCodeOfTheWrongShapeOrAnUnknownLanguageIsRefused() {
        refused("Vietnamese", "v", "code", "language.code.invalid");
        refused("Vietnamese", "viet", "code", "language.code.invalid");
        refused("Vietnamese", "v1", "code", "language.code.invalid");
        refused("Vietnamese", "vi_VN", "code", "language.code.invalid");
        refused("Vietnamese", "vi-", "code", "language.code.invalid");
        refused("Vietnamese", "vi-V", "code", "language.code.invalid");
        refused("Vietnamese", "vi-VNVNVNVNV", "code", "language.code.invalid");
        // 12 characters at most, as the column holds
        assertThat(NewLanguage.check("Chinese", "zh-Hant-TW12").code()).isEqualTo("zh-Hant-TW12");
        refused("Chinese", "zh-Hant-TW123", "code", "language.code.invalid");
        refused("Nonsense", "xx", "code", "language.code.unknown", "xx");
        refused("Nonsense", "qq-BR", "code", "language.code.unknown", "qq-BR");
    }
}
