package org.textdesk.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which texts are keywords: one word of the lists, any case, spaces and punctuation around it ignored. */
class KeywordTest {

    /** Twilio's default opt-out keywords (Advanced Opt-Out, "Default opt-out keywords"), written out. */
    static final List<String> TWILIO_OPT_OUT_WORDS = List.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT",
            "REVOKE", "OPTOUT");
    /** Twilio's default opt-in keywords, written out. */
    static final List<String> TWILIO_OPT_IN_WORDS = List.of("START", "YES", "UNSTOP");

    static Stream<Arguments> spellings() {
        return Stream.concat(TWILIO_OPT_OUT_WORDS.stream(), TWILIO_OPT_IN_WORDS.stream()).flatMap(word -> Stream.of(
                word, word.toLowerCase(), word.charAt(0) + word.substring(1).toLowerCase(), "  " + word + "  ",
                word + "!", word.toLowerCase() + ".", "\"" + word + "\"", "(" + word + ")", "\u201c" + word + "\u201d",
                "\u00a1" + word + "!!", "\t" + word + "\r\n", word + "\u2026", "\u00a0" + word + "?", "*" + word + "*",
                "'" + word.toLowerCase() + "'", "-" + word + "-", "\u200b" + word, "$" + word, "+" + word + "+",
                "=" + word + "=", "<" + word + ">", "^" + word + "^", "`" + word + "`", "|" + word + "|",
                "~" + word + "~")
                .map(spelling -> Arguments.of(spelling, word)));
    }

    @ParameterizedTest
    @MethodSource("spellings")
    void everySpellingOfEveryKeywordIsThatKeyword(String texted, String word) {
        Optional<Keyword> keyword = Keyword.of(texted, null);
        assertThat(keyword).isPresent();
        assertThat(keyword.get().word()).isEqualTo(word);
        boolean optOut = TWILIO_OPT_OUT_WORDS.contains(word);
        assertThat(keyword.get().kind()).isEqualTo(optOut ? Keyword.Kind.STOP : Keyword.Kind.START);
        assertThat(keyword.get().okayToText()).contains(!optOut);
    }

    @Test
    void theListsAreExactlyTwiliosDefaults() {
        assertThat(Keyword.STOP_WORDS).containsExactlyInAnyOrderElementsOf(TWILIO_OPT_OUT_WORDS);
        assertThat(Keyword.START_WORDS).containsExactlyInAnyOrderElementsOf(TWILIO_OPT_IN_WORDS);
    }

    /** Symbols outside ASCII (currency, letters-like, math) are part of the text, so it is not one word. */
    @ParameterizedTest
    @ValueSource(strings = {"\u20acSTOP", "STOP\u00a9", "\u00b1stop", "\u00a3START", "\u2122yes", "STOP\u00b0"})
    void nonAsciiSymbolsAroundAWordMakeItNoKeyword(String texted) {
        assertThat(Keyword.of(texted, null)).isEmpty();
    }

    @Test
    void oneWordIsTheUpperCaseWordOrNothing() {
        assertThat(Keyword.oneWord(null)).isNull();
        assertThat(Keyword.oneWord(" (Hello)! ")).isEqualTo("HELLO");
        assertThat(Keyword.oneWord("two words")).isNull();
        assertThat(Keyword.oneWord("a".repeat(20))).isEqualTo("A".repeat(20));
        assertThat(Keyword.oneWord("a".repeat(21))).isNull();
        assertThat(Keyword.of(null, "STOP")).contains(new Keyword(Keyword.Kind.STOP, "STOP"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"stop please", "please stop", "Stop texting me", "s top", "S.T.O.P", "stopp", "STOP STOP",
            "stop-all", "un subscribe", "yes please", "yes, I will come", "start now", "", "   ", "!!!", "HELP", "info",
            "stop \ud83d\ude42", "\u017ftop", "ST\u00d6P", "Running late, see you at 3"})
    void otherTextsAreNotKeywords(String texted) {
        assertThat(Keyword.of(texted, null)).isEmpty();
    }

    @Test
    void aMissingBodyIsNotAKeyword() {
        assertThat(Keyword.of(null, null)).isEmpty();
        assertThat(Keyword.of(null, "")).isEmpty();
    }

    @Test
    void twiliosOptOutTypeDecides() {
        assertThat(Keyword.of("Arr\u00eat", "STOP")).contains(new Keyword(Keyword.Kind.STOP, "STOP"));
        assertThat(Keyword.of("ARRET", "STOP")).contains(new Keyword(Keyword.Kind.STOP, "ARRET"));
        assertThat(Keyword.of("please stop texting me", "stop")).contains(new Keyword(Keyword.Kind.STOP, "STOP"));
        assertThat(Keyword.of("Commencer", "START")).contains(new Keyword(Keyword.Kind.START, "COMMENCER"));
        assertThat(Keyword.of("stop", "START")).contains(new Keyword(Keyword.Kind.START, "STOP"));
        Optional<Keyword> help = Keyword.of("info", " Help ");
        assertThat(help).contains(new Keyword(Keyword.Kind.HELP, "INFO"));
        assertThat(help.get().okayToText()).isEmpty();
    }

    @Test
    void anOptOutTypeTwilioDoesNotDefineFallsBackToTheText() {
        assertThat(Keyword.of("stop", "SOMETHING_NEW")).contains(new Keyword(Keyword.Kind.STOP, "STOP"));
        assertThat(Keyword.of("hello", "SOMETHING_NEW")).isEmpty();
        assertThat(Keyword.of("hello", "  ")).isEmpty();
    }

    @Test
    void aVeryLongWordIsRecordedAsTheKindTwilioNamed() {
        assertThat(Keyword.of("a".repeat(21), "STOP")).contains(new Keyword(Keyword.Kind.STOP, "STOP"));
    }

    @Test
    void twiliosHelpWordsAreKnownButNoKeywordOfTextDesk() {
        assertThat(Keyword.asksForHelp("help")).isTrue();
        assertThat(Keyword.asksForHelp(" Info. ")).isTrue();
        assertThat(Keyword.asksForHelp("help me")).isFalse();
        assertThat(Keyword.asksForHelp("STOP")).isFalse();
        assertThat(Keyword.asksForHelp(null)).isFalse();
        assertThat(Keyword.of("help", null)).isEmpty();
    }
}
