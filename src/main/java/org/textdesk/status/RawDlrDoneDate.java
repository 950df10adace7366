package org.textdesk.status;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;

/**
 * The phone company's delivery time a status callback may carry (RawDlrDoneDate): {@code yyMMddHHmm} in
 * UTC, such as 2608171430 for 17 August 2026 at 14:30. Read defensively: anything else is ignored.
 */
final class RawDlrDoneDate {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("uuMMddHHmm")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuMMddHHmmss")
            .withResolverStyle(ResolverStyle.STRICT);

    private RawDlrDoneDate() {
    }

    static Optional<Instant> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String digits = raw.strip();
        if (!digits.matches("[0-9]{10}([0-9]{2})?")) {
            return Optional.empty();
        }
        try {
            DateTimeFormatter format = digits.length() == 10 ? MINUTES : SECONDS;
            return Optional.of(LocalDateTime.parse(digits, format).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }
}
