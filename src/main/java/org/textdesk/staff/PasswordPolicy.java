package org.textdesk.staff;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** What a staff password must be. BCrypt reads only the first 72 bytes, so longer ones are refused. */
final class PasswordPolicy {

    static final int MIN_LENGTH = 10;
    static final int MAX_BYTES = 72;

    private PasswordPolicy() {
    }

    /** The message key of what is wrong with the password, or empty when it is acceptable. */
    static Optional<String> problemWith(String password) {
        if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("staff.password.tooShort");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("staff.password.tooLong");
        }
        if (password.isBlank()) {
            return Optional.of("staff.password.tooShort");
        }
        return Optional.empty();
    }
}
