package org.textdesk.appointments;

import java.util.Locale;
import java.util.Optional;

/**
 * A client's answer to a reminder that asked "Reply C to confirm or R to reschedule": the whole text is one of
 * C, CONFIRM, R or RESCHEDULE, in any case, with spaces and punctuation around it ignored ("c", "C.", "confirm!",
 * " Reschedule "). Anything more is not an answer, so the caseworker reads it: "Cool" and "Correct" are other
 * words, "C please" and "C or R" are sentences, "CONFIRMED" is not one of the words asked for. STOP, START and
 * HELP never reach this rule (the keywords are decided first).
 */
enum ConfirmationReply {
    CONFIRMED,
    RESCHEDULE;

    static Optional<ConfirmationReply> of(String body) {
        if (body == null) {
            return Optional.empty();
        }
        int start = 0;
        int end = body.length();
        while (start < end && ignoredAround(body.codePointAt(start))) {
            start += Character.charCount(body.codePointAt(start));
        }
        while (end > start && ignoredAround(body.codePointBefore(end))) {
            end -= Character.charCount(body.codePointBefore(end));
        }
        return switch (body.substring(start, end).toUpperCase(Locale.ROOT)) {
            case "C", "CONFIRM" -> Optional.of(CONFIRMED);
            case "R", "RESCHEDULE" -> Optional.of(RESCHEDULE);
            default -> Optional.empty();
        };
    }

    /** Spaces, line breaks, invisible formatting characters and punctuation (ASCII or not). */
    private static boolean ignoredAround(int codePoint) {
        if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
            return true;
        }
        return switch (Character.getType(codePoint)) {
            case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
                    Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
                    Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION, Character.FORMAT,
                    Character.CONTROL -> true;
            default -> false;
        };
    }
}
