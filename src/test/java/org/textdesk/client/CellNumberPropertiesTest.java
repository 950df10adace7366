package org.textdesk.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.textdesk.system.FieldRuleException;

/**
 * Cell number parsing over thousands of generated inputs (jqwik, fixed seeds): whatever is typed or
 * pasted, the answer is either a {@link FieldRuleException} beside one of the two boxes, or a valid
 * US cell number in E.164 form, +1 NXX NXX XXXX, whose parts agree with each other.
 */
class CellNumberPropertiesTest {

    private static final int TRIES = 2000;

    /** +1, an area code and an exchange of the form NXX but not N11, and four digits. */
    private static final Pattern NANP_E164 = Pattern.compile("\\+1([2-9](?!11)[0-9]{2})([2-9](?!11)[0-9]{2})([0-9]{4})");

    @Provide
    Arbitrary<String> typed() {
        Arbitrary<String> digits = Arbitraries.strings().withChars("0123456789").ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> phoneText = Arbitraries.strings().withChars("0123456789 ()+-.").ofMaxLength(20);
        Arbitrary<String> anything = Arbitraries.strings().all().ofMaxLength(20);
        Arbitrary<String> otherDigits = Arbitraries.strings().withChars("0123456789\u0660\u0661\u0662\u0663\uFF10\uFF11"
                + "\uFF12\uFF13\u00B9\u00B2\u00B3 -").ofMaxLength(14);
        return Arbitraries.frequencyOf(
                Tuple.of(5, formattedNumbers()),
                Tuple.of(3, digits),
                Tuple.of(4, phoneText),
                Tuple.of(2, anything),
                Tuple.of(1, otherDigits),
                Tuple.of(1, Arbitraries.of("", " ", "\t", "\n", "()", "+", "+1", "1", "000-0000", "404", "(404)")));
    }

    /** Ten digits as people write them: 404-538-7319, (404) 538.7319, +1 404 538 7319, 14045387319... */
    private static Arbitrary<String> formattedNumbers() {
        Arbitrary<String> three = Arbitraries.strings().numeric().ofLength(3);
        Arbitrary<String> four = Arbitraries.strings().numeric().ofLength(4);
        Arbitrary<String> separator = Arbitraries.of("", "-", " ", ".", ") ", "  ");
        Arbitrary<String> prefix = Arbitraries.of("", "", "(", "+1 ", "1 ", "+1", "1-", "+1 (", "+2 ");
        return Combinators.combine(prefix, three, separator, three, Arbitraries.of("-", "", " ", "."), four)
                .as((p, area, s1, exchange, s2, line) -> p + area + s1 + exchange + s2 + line);
    }

    /** What goes into the Number box alone: XXX-XXXX in its usual forms, or anything. */
    @Provide
    Arbitrary<String> typedNumbers() {
        Arbitrary<String> seven = Combinators.combine(Arbitraries.strings().numeric().ofLength(3),
                Arbitraries.of("-", "", " ", ".", " - "), Arbitraries.strings().numeric().ofLength(4))
                .as((exchange, separator, line) -> exchange + separator + line);
        return Arbitraries.frequencyOf(Tuple.of(3, seven), Tuple.of(2, typed()));
    }

    @Provide
    Arbitrary<String> typedAreaCodes() {
        Arbitrary<String> three = Arbitraries.strings().numeric().ofLength(3)
                .flatMap(code -> Arbitraries.of(code, "(" + code + ")", " " + code + " ", "( " + code + " )"));
        return Arbitraries.frequencyOf(Tuple.of(3, three), Tuple.of(2, typed()), Tuple.of(1, Arbitraries.of("")));
    }

    @Property(tries = TRIES, seed = "7001")
    void theTwoBoxesGiveAValidUsNumberOrAMessageBesideOneOfThem(@ForAll("typedAreaCodes") String areaCode,
            @ForAll("typedNumbers") String number) {
        CellNumber cell;
        try {
            cell = CellNumber.parse(areaCode, number);
        } catch (FieldRuleException refused) {
            assertRefusedPolitely(refused);
            return;
        }
        assertValid(cell);
        assertThat(CellNumber.parse(cell.areaCode(), cell.number())).isEqualTo(cell);
    }

    @Property(tries = TRIES, seed = "7002")
    void aWholeNumberInOnePieceGivesAValidUsNumberOrAMessage(@ForAll("typed") String typed) {
        CellNumber cell;
        try {
            cell = CellNumber.parseAny(typed);
        } catch (FieldRuleException refused) {
            assertRefusedPolitely(refused);
            return;
        }
        assertValid(cell);
        assertThat(CellNumber.parse("", typed)).isEqualTo(cell);
    }

    @Property(tries = TRIES, seed = "7003")
    void twiliosFromNumbersAreReadOrIgnoredNeverThrown(@ForAll("typed") String typed) {
        String e164 = typed.startsWith("+") ? typed : "+1" + typed.replaceAll("[^0-9]", "");
        CellNumber.fromE164(e164).ifPresent(cell -> {
            assertValid(cell);
            assertThat(cell.e164()).isEqualTo(e164.strip());
        });
        CellNumber.fromE164(typed).ifPresent(CellNumberPropertiesTest::assertValid);
    }

    private static void assertRefusedPolitely(FieldRuleException refused) {
        assertThat(refused.field()).isIn(CellNumber.AREA_CODE_FIELD, CellNumber.NUMBER_FIELD);
        assertThat(refused.messageKey()).isIn(List.of("cell.areaCode.digits", "cell.areaCode.mismatch",
                "cell.areaCode.notUs", "cell.number.digits", "cell.number.whole", "cell.notUs"));
    }

    private static void assertValid(CellNumber cell) {
        var parts = NANP_E164.matcher(cell.e164());
        assertThat(parts.matches()).as("E.164 +1 NXX NXX XXXX: %s", cell.e164()).isTrue();
        assertThat(cell.areaCode()).isEqualTo(parts.group(1));
        assertThat(cell.number()).isEqualTo(parts.group(2) + "-" + parts.group(3));
        assertThat(cell.display()).isEqualTo(parts.group(1) + "-" + parts.group(2) + "-" + parts.group(3));
        assertThat(CellNumber.fromE164(cell.e164())).contains(cell);
        assertThat(cell.toString()).doesNotContain(parts.group(2)).doesNotContain(parts.group(3));
    }
}
