package org.textdesk.client;

import static org.assertj.core.api.Assertions.assertThat;

import static org.textdesk.Generated.digits;
import static org.textdesk.Generated.forAll;
import static org.textdesk.Generated.inputs;
import static org.textdesk.Generated.of;
import static org.textdesk.Generated.oneOf;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.textdesk.Generated;
import org.textdesk.system.FieldRuleException;

/**
 * Cell number parsing over thousands of generated inputs (fixed seeds): whatever is typed or pasted,
 * the answer is either a {@link FieldRuleException} beside one of the two boxes, or a valid US cell
 * number in E.164 form, +1 NXX NXX XXXX, whose parts agree with each other.
 */
class CellNumberPropertiesTest {

    private static final int TRIES = 2000;

    /** +1, an area code and an exchange of the form NXX but not N11, and four digits. */
    private static final Pattern NANP_E164 = Pattern.compile("\\+1([2-9](?!11)[0-9]{2})([2-9](?!11)[0-9]{2})([0-9]{4})");

    /** Anything typed into one box: formatted numbers, digits, phone punctuation, any text, other digits. */
    static String typed(Random random) {
        int roll = random.nextInt(16);
        if (roll < 5) {
            return formattedNumber(random);
        }
        if (roll < 8) {
            return of(random, "0123456789", 1, 12);
        }
        if (roll < 12) {
            return of(random, "0123456789 ()+-.", 0, 20);
        }
        if (roll < 14) {
            return Generated.anyUnits(random, 20);
        }
        if (roll < 15) {
            return of(random, "0123456789\u0660\u0661\u0662\u0663\uFF10\uFF11\uFF12\uFF13\u00B9\u00B2\u00B3 -", 0, 14);
        }
        return oneOf(random, "", " ", "\t", "\n", "()", "+", "+1", "1", "000-0000", "404", "(404)");
    }

    /** Ten digits as people write them: 404-538-7319, (404) 538.7319, +1 404 538 7319, 14045387319... */
    static String formattedNumber(Random random) {
        return oneOf(random, "", "", "(", "+1 ", "1 ", "+1", "1-", "+1 (", "+2 ") + digits(random, 3)
                + oneOf(random, "", "-", " ", ".", ") ", "  ") + digits(random, 3)
                + oneOf(random, "-", "", " ", ".") + digits(random, 4);
    }

    /** What goes into the Number box alone: XXX-XXXX in its usual forms, or anything. */
    static String typedNumber(Random random) {
        return random.nextInt(5) < 3
                ? digits(random, 3) + oneOf(random, "-", "", " ", ".", " - ") + digits(random, 4)
                : typed(random);
    }

    static String typedAreaCode(Random random) {
        int roll = random.nextInt(6);
        if (roll < 3) {
            String code = digits(random, 3);
            return oneOf(random, code, "(" + code + ")", " " + code + " ", "( " + code + " )");
        }
        return roll < 5 ? typed(random) : "";
    }

    @Test
    void theTwoBoxesGiveAValidUsNumberOrAMessageBesideOneOfThem() {
        forAll(inputs(7001, TRIES, random -> new String[] {typedAreaCode(random), typedNumber(random)}), boxes -> {
            CellNumber cell;
            try {
                cell = CellNumber.parse(boxes[0], boxes[1]);
            } catch (FieldRuleException refused) {
                assertRefusedPolitely(refused);
                return;
            }
            assertValid(cell);
            assertThat(CellNumber.parse(cell.areaCode(), cell.number())).isEqualTo(cell);
        });
    }

    @Test
    void aWholeNumberInOnePieceGivesAValidUsNumberOrAMessage() {
        forAll(inputs(7002, TRIES, CellNumberPropertiesTest::typed), typed -> {
            CellNumber cell;
            try {
                cell = CellNumber.parseAny(typed);
            } catch (FieldRuleException refused) {
                assertRefusedPolitely(refused);
                return;
            }
            assertValid(cell);
            assertThat(CellNumber.parse("", typed)).isEqualTo(cell);
        });
    }

    @Test
    void twiliosFromNumbersAreReadOrIgnoredNeverThrown() {
        forAll(inputs(7003, TRIES, CellNumberPropertiesTest::typed), typed -> {
            String e164 = typed.startsWith("+") ? typed : "+1" + typed.replaceAll("[^0-9]", "");
            CellNumber.fromE164(e164).ifPresent(cell -> {
                assertValid(cell);
                assertThat(cell.e164()).isEqualTo(e164.strip());
            });
            CellNumber.fromE164(typed).ifPresent(CellNumberPropertiesTest::assertValid);
        });
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
