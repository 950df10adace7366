package org.textdesk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    /**
     * US area codes in service (NANPA), from every leading digit 2-9, written out here so that no rule of
     * CellNumber decides which ones the test expects.
     */
    private static final String[] US_AREA_CODES = {"201", "202", "203", "205", "206", "207", "208", "209", "210",
        "212", "213", "214", "215", "216", "217", "218", "219", "224", "225", "228", "229", "231", "234", "239",
        "240", "248", "251", "252", "253", "254", "256", "260", "262", "267", "269", "270", "276", "281", "301",
        "302", "303", "304", "305", "307", "308", "309", "310", "312", "313", "314", "315", "316", "317", "318",
        "319", "320", "321", "323", "330", "334", "336", "337", "339", "347", "351", "352", "360", "361", "385",
        "386", "401", "402", "404", "405", "406", "407", "408", "409", "410", "412", "413", "414", "415", "417",
        "419", "423", "424", "425", "432", "434", "435", "440", "443", "469", "470", "478", "479", "480", "484",
        "501", "502", "503", "504", "505", "507", "508", "509", "510", "512", "513", "515", "516", "517", "518",
        "520", "530", "540", "541", "551", "559", "561", "562", "563", "567", "570", "571", "573", "574", "580",
        "585", "586", "601", "602", "603", "605", "606", "607", "608", "609", "610", "612", "614", "615", "616",
        "617", "618", "619", "620", "623", "626", "630", "631", "636", "641", "646", "650", "651", "660", "661",
        "662", "678", "682", "701", "702", "703", "704", "706", "707", "708", "712", "713", "714", "715", "716",
        "717", "718", "719", "720", "724", "727", "731", "732", "734", "740", "754", "757", "760", "763", "765",
        "770", "772", "773", "774", "775", "781", "785", "786", "801", "802", "803", "804", "805", "806", "808",
        "810", "812", "813", "814", "815", "816", "817", "818", "828", "830", "831", "832", "843", "845", "847",
        "848", "850", "856", "857", "858", "859", "860", "862", "863", "864", "865", "870", "878", "901", "903",
        "904", "907", "908", "909", "910", "912", "913", "914", "915", "916", "917", "918", "919", "920", "925",
        "928", "931", "936", "937", "940", "941", "947", "949", "951", "952", "954", "956", "970", "971", "972",
        "973", "978", "979", "980", "985", "989"};

    /** An exchange by the NANP rule: NXX with N from 2 to 9, not N11. */
    static String nanpExchange(Random random) {
        String exchange;
        do {
            exchange = of(random, "23456789", 1, 1) + digits(random, 2);
        } while (exchange.endsWith("11"));
        return exchange;
    }

    @Test
    void everyValidUsNumberIsAccepted() {
        forAll(inputs(7004, TRIES, random -> new String[] {oneOf(random, US_AREA_CODES), nanpExchange(random),
            digits(random, 4)}), parts -> {
                CellNumber cell = CellNumber.parse(parts[0], parts[1] + "-" + parts[2]);
                assertThat(cell.e164()).isEqualTo("+1" + parts[0] + parts[1] + parts[2]);
                assertThat(cell.areaCode()).isEqualTo(parts[0]);
                assertThat(cell.number()).isEqualTo(parts[1] + "-" + parts[2]);
                assertThat(CellNumber.parseAny("(" + parts[0] + ") " + parts[1] + "-" + parts[2])).isEqualTo(cell);
                assertThat(CellNumber.fromE164("+1" + parts[0] + parts[1] + parts[2])).contains(cell);
            });
    }

    @Test
    void anAreaCodeOrExchangeOutsideTheNanpRuleIsRefused() {
        forAll(inputs(7005, TRIES, random -> {
            String areaCode = oneOf(random, US_AREA_CODES);
            String exchange = nanpExchange(random);
            return switch (random.nextInt(4)) {
                case 0 -> new String[] {of(random, "01", 1, 1) + digits(random, 2), exchange, "cellAreaCode",
                    "cell.areaCode.notUs"};
                case 1 -> new String[] {of(random, "23456789", 1, 1) + "11", exchange, "cellAreaCode",
                    "cell.areaCode.notUs"};
                case 2 -> new String[] {areaCode, of(random, "01", 1, 1) + digits(random, 2), "cellNumber",
                    "cell.notUs"};
                default -> new String[] {areaCode, of(random, "23456789", 1, 1) + "11", "cellNumber", "cell.notUs"};
            };
        }), c -> {
            String number = c[1] + "-" + "0142";
            assertThatThrownBy(() -> CellNumber.parse(c[0], number))
                    .isInstanceOfSatisfying(FieldRuleException.class, refused -> {
                        assertThat(refused.field()).isEqualTo(c[2]);
                        assertThat(refused.messageKey()).isEqualTo(c[3]);
                    });
            assertThat(CellNumber.fromE164("+1" + c[0] + c[1] + "0142")).isEmpty();
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
