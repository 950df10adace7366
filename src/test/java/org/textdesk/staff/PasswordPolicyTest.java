package org.textdesk.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** At least 10 characters (code points), at most 72 bytes in UTF-8 (what BCrypt reads), not all spaces. */
class PasswordPolicyTest {

    @Test
    void nineCharactersAreTooShortAndTenAreEnough() {
        assertThat(PasswordPolicy.problemWith("abcdefghi")).contains("staff.password.tooShort");
        assertThat(PasswordPolicy.problemWith("abcdefghij")).isEmpty();
        assertThat(PasswordPolicy.problemWith("")).contains("staff.password.tooShort");
        assertThat(PasswordPolicy.problemWith(null)).contains("staff.password.tooShort");
    }

    @Test
    void charactersAreCountedNotUtf16Units() {
        // nine emoji are 18 UTF-16 units but nine characters
        String nineEmoji = "\uD83D\uDE42".repeat(9);
        assertThat(nineEmoji).hasSize(18);
        assertThat(PasswordPolicy.problemWith(nineEmoji)).contains("staff.password.tooShort");
        assertThat(PasswordPolicy.problemWith(nineEmoji + "a")).isEmpty();
    }

    @Test
    void seventyTwoBytesAreAcceptedAndSeventyThreeRefused() {
        String seventyTwo = "a".repeat(72);
        assertThat(PasswordPolicy.problemWith(seventyTwo)).isEmpty();
        assertThat(PasswordPolicy.problemWith(seventyTwo + "b")).contains("staff.password.tooLong");
        // 36 two-byte characters are 72 bytes; one more ASCII letter makes 73
        String thirtySixUmlauts = "\u00e4".repeat(36);
        assertThat(thirtySixUmlauts.getBytes(StandardCharsets.UTF_8)).hasSize(72);
        assertThat(PasswordPolicy.problemWith(thirtySixUmlauts)).isEmpty();
        assertThat(PasswordPolicy.problemWith(thirtySixUmlauts + "x")).contains("staff.password.tooLong");
    }

    @Test
    void onlySpacesAreTooShort() {
        assertThat(PasswordPolicy.problemWith(" ".repeat(10))).contains("staff.password.tooShort");
        assertThat(PasswordPolicy.problemWith("\t".repeat(12))).contains("staff.password.tooShort");
        assertThat(PasswordPolicy.problemWith("  four five  ")).isEmpty();
    }
}
