package org.textdesk.inbox;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A keyword a client texted that Twilio acts on itself (DESIGN.md "Twilio webhooks"): STOP and its
 * synonyms untick Okay to Text, START and its synonyms tick it again. A keyword is the whole text: one
 * word, in any case, with spaces and punctuation around it ignored ("Stop!" is STOP, "stop please" is
 * not). When Twilio says the text was one of its opt-out keywords ({@code OptOutType} STOP, START or
 * HELP, also for keywords configured in Twilio's Advanced Opt-Out), that decides; HELP changes nothing,
 * but Twilio answers it, so TextDesk does not.
 *
 * @param kind what the keyword does
 * @param word what is recorded with the consent change: the word texted (upper case), or the kind when
 *             Twilio's OptOutType named a text that is not one word
 */
record Keyword(Kind kind, String word) {

    enum Kind {
        STOP,
        START,
        HELP
    }

    static final Set<String> STOP_WORDS = Set.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "REVOKE",
            "OPTOUT");
    static final Set<String> START_WORDS = Set.of("START", "YES", "UNSTOP");

    /** Twilio's default help keywords: Twilio answers them itself, whatever TextDesk answers. */
    static final Set<String> HELP_WORDS = Set.of("HELP", "INFO");

    private static final Pattern ONE_WORD = Pattern.compile("[A-Za-z]{1,20}");

    /** The keyword of an incoming text, if it is one; {@code optOutType} as Twilio sent it, or null. */
    static Optional<Keyword> of(String body, String optOutType) {
        String word = oneWord(body);
        Kind fromTwilio = kindOf(optOutType);
        if (fromTwilio != null) {
            return Optional.of(new Keyword(fromTwilio, word != null ? word : fromTwilio.name()));
        }
        if (word == null) {
            return Optional.empty();
        }
        if (STOP_WORDS.contains(word)) {
            return Optional.of(new Keyword(Kind.STOP, word));
        }
        if (START_WORDS.contains(word)) {
            return Optional.of(new Keyword(Kind.START, word));
        }
        return Optional.empty();
    }

    /** The new value of Okay to Text, or empty when the keyword does not change it (HELP). */
    Optional<Boolean> okayToText() {
        return switch (kind) {
            case STOP -> Optional.of(false);
            case START -> Optional.of(true);
            case HELP -> Optional.empty();
        };
    }

    /**
     * Whether the text is one of Twilio's help words: it stays an ordinary text (stored, the Text Response) but is
     * never answered with an away message, which would come on top of Twilio's own help answer.
     */
    static boolean asksForHelp(String body) {
        String word = oneWord(body);
        return word != null && HELP_WORDS.contains(word);
    }

    private static Kind kindOf(String optOutType) {
        if (optOutType == null) {
            return null;
        }
        return switch (optOutType.strip().toUpperCase(Locale.ROOT)) {
            case "STOP" -> Kind.STOP;
            case "START" -> Kind.START;
            case "HELP" -> Kind.HELP;
            default -> null;
        };
    }

    /** The text as one word in upper case, without spaces and punctuation around it; null when it is not one word. */
    static String oneWord(String body) {
        if (body == null) {
            return null;
        }
        int start = 0;
        int end = body.length();
        while (start < end && ignoredAround(body.codePointAt(start))) {
            start += Character.charCount(body.codePointAt(start));
        }
        while (end > start && ignoredAround(body.codePointBefore(end))) {
            end -= Character.charCount(body.codePointBefore(end));
        }
        String word = body.substring(start, end);
        return ONE_WORD.matcher(word).matches() ? word.toUpperCase(Locale.ROOT) : null;
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
            default -> codePoint < 128 && "$+<=>^`|~".indexOf(codePoint) >= 0;
        };
    }
}
