package org.textdesk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.textdesk.system.FieldRuleException;

class CellNumberTest {

    @Test
    void whenBothBoxesAreWrongBothAreNamed() {
        assertThat(CellNumber.problemsOf("40", "538-73")).extracting(FieldRuleException::field,
                FieldRuleException::messageKey).containsExactly(
                org.assertj.core.groups.Tuple.tuple("cellAreaCode", "cell.areaCode.digits"),
                org.assertj.core.groups.Tuple.tuple("cellNumber", "cell.number.digits"));
        assertThat(CellNumber.problemsOf("40", "538-7319")).extracting(FieldRuleException::field)
                .containsExactly("cellAreaCode");
        assertThat(CellNumber.problemsOf("404", "538-73")).extracting(FieldRuleException::field)
                .containsExactly("cellNumber");
        assertThat(CellNumber.problemsOf("404", "538-7319")).isEmpty();
        assertThat(CellNumber.problemsOf("", "")).isEmpty();
    }

    @Test
    void theSeedsNumberIsValid() {
        CellNumber cell = CellNumber.parse("404", "538-7319");
        assertThat(cell.areaCode()).isEqualTo("404");
        assertThat(cell.number()).isEqualTo("538-7319");
        assertThat(cell.e164()).isEqualTo("+14045387319");
        assertThat(cell.display()).isEqualTo("404-538-7319");
    }

    @ParameterizedTest(name = "[{0}] [{1}] is {2} {3}")
    @CsvSource(delimiter = '|', value = {
            "404        | 5381234          | 404 | 538-1234",
            "404        | 538 1234         | 404 | 538-1234",
            "404        | 538.1234         | 404 | 538-1234",
            "' 404 '    | ' 538-1234 '     | 404 | 538-1234",
            "(404)      | 538-1234         | 404 | 538-1234",
            "(404) 538-7319 |              | 404 | 538-7319",
            "+1 404 538 7319 |             | 404 | 538-7319",
            "           | (404) 538-7319   | 404 | 538-7319",
            "404        | (404) 538-7319   | 404 | 538-7319",
            "           | +14045387319     | 404 | 538-7319",
            "           | 1-404-538-7319   | 404 | 538-7319",
            "404.538.7319 | 538-7319       | 404 | 538-7319",
    })
    void formatsWhatWasTypedOrPasted(String areaCode, String number, String expectedAreaCode, String expectedNumber) {
        CellNumber cell = CellNumber.parse(areaCode, number);
        assertThat(cell.areaCode()).isEqualTo(expectedAreaCode);
        assertThat(cell.number()).isEqualTo(expectedNumber);
        assertThat(cell.e164()).isEqualTo("+1" + expectedAreaCode + expectedNumber.replace("-", ""));
    }

    @ParameterizedTest(name = "[{0}] [{1}] refused on {2} with {3}")
    @CsvSource(delimiter = '|', value = {
            "abc  | 538-7319  | cellAreaCode | cell.areaCode.digits",
            "40   | 538-7319  | cellAreaCode | cell.areaCode.digits",
            "4045 | 538-7319  | cellAreaCode | cell.areaCode.digits",
            "     | 538-7319  | cellAreaCode | cell.areaCode.digits",
            "４０４ | 538-7319 | cellAreaCode | cell.areaCode.digits",
            "404  | 555-12345 | cellNumber   | cell.number.digits",
            "404  | 538-731   | cellNumber   | cell.number.digits",
            "404  | 538-SHOE  | cellNumber   | cell.number.digits",
            "404  | +5387319  | cellNumber   | cell.number.digits",
            "404  |           | cellNumber   | cell.number.digits",
            "104  | 538-7319  | cellAreaCode | cell.areaCode.notUs",
            "011  | 538-7319  | cellAreaCode | cell.areaCode.notUs",
            "911  | 538-7319  | cellAreaCode | cell.areaCode.notUs",
            "370  | 538-7319  | cellNumber   | cell.notUs",
            "404  | 911-1234  | cellNumber   | cell.notUs",
            "404  | 411-1234  | cellNumber   | cell.notUs",
            "404  | 123-4567  | cellNumber   | cell.notUs",
            "404  | 011-4567  | cellNumber   | cell.notUs",
            "770  | (404) 538-7319 | cellAreaCode | cell.areaCode.mismatch",
            "(404) 538-7319 | 111-2222 | cellAreaCode | cell.areaCode.digits",
            "+44 20 7946 0958 |   | cellAreaCode | cell.areaCode.digits",
    })
    void refusesWithASpecificMessageBesideTheRightBox(String areaCode, String number, String field, String key) {
        assertThatThrownBy(() -> CellNumber.parse(areaCode, number))
                .isInstanceOfSatisfying(FieldRuleException.class, refused -> {
                    assertThat(refused.field()).isEqualTo(field);
                    assertThat(refused.messageKey()).isEqualTo(key);
                });
    }

    @Test
    void bothBoxesEmptyMeanNoCell() {
        assertThat(CellNumber.parseOptional("", " ")).isEmpty();
        assertThat(CellNumber.parseOptional(null, null)).isEmpty();
        assertThat(CellNumber.parseOptional("404", "5387319")).contains(CellNumber.parse("404", "538-7319"));
    }

    @Test
    void parsesAWholeNumberInAnyFormatting() {
        assertThat(CellNumber.parseAny("(404) 538-7319").e164()).isEqualTo("+14045387319");
        assertThat(CellNumber.parseAny("+1 404 538 7319").e164()).isEqualTo("+14045387319");
        assertThat(CellNumber.parseAny("404.538.7319").display()).isEqualTo("404-538-7319");
        assertThatThrownBy(() -> CellNumber.parseAny("538-7319")).isInstanceOf(FieldRuleException.class);
        assertThatThrownBy(() -> CellNumber.parseAny("+44 20 7946 0958")).isInstanceOf(FieldRuleException.class);
        assertThatThrownBy(() -> CellNumber.parseAny("(404) 911-1234")).isInstanceOf(FieldRuleException.class);
    }

    @Test
    void readsTwiliosE164AndNothingElse() {
        assertThat(CellNumber.fromE164("+14045387319")).contains(CellNumber.parse("404", "538-7319"));
        assertThat(CellNumber.fromE164("+447946095800")).isEmpty();
        assertThat(CellNumber.fromE164("+11045387319")).isEmpty();
        assertThat(CellNumber.fromE164("4045387319")).isEmpty();
        assertThat(CellNumber.fromE164("12345")).isEmpty();
        assertThat(CellNumber.fromE164(null)).isEmpty();
    }

    @Test
    void neverPrintsTheWholeNumber() {
        assertThat(CellNumber.parse("404", "538-7319").toString()).doesNotContain("538").doesNotContain("7319");
    }

    @Test
    void twoCellNumbersAreEqualWhenTheirE164FormsAre() {
        CellNumber typed = CellNumber.parse("404", "538-7319");
        CellNumber pasted = CellNumber.parseAny("+1 (404) 538.7319");
        CellNumber other = CellNumber.parse("404", "538-7318");
        assertThat(typed).isEqualTo(pasted).hasSameHashCodeAs(pasted);
        assertThat(typed).isNotEqualTo(other);
        assertThat(typed.hashCode()).as("different numbers spread over hash buckets").isNotEqualTo(other.hashCode());
        assertThat(typed).isNotEqualTo(CellNumber.parse("770", "538-7319"));
        assertThat(typed).isNotEqualTo("+14045387319");
        assertThat(typed).isNotEqualTo(null);
        assertThat(CellNumber.stored("404", "538-7319", "+14045387319")).isEqualTo(typed);
        assertThat(java.util.Set.of(typed, other)).hasSize(2);
    }

    @Test
    void printsOnlyTheLastTwoDigits() {
        assertThat(CellNumber.parse("404", "538-7319")).hasToString("CellNumber[***-***-**19]");
        assertThat(CellNumber.parse("212", "555-0142")).hasToString("CellNumber[***-***-**42]");
    }

    @Test
    void aStoredNumberIsReadBackAsItWasSaved() {
        CellNumber stored = CellNumber.stored("404", "538-7319", "+14045387319");
        assertThat(stored.areaCode()).isEqualTo("404");
        assertThat(stored.number()).isEqualTo("538-7319");
        assertThat(stored.e164()).isEqualTo("+14045387319");
        assertThat(stored.display()).isEqualTo("404-538-7319");
    }

    @Test
    void showsAnE164UsNumberAsTheRecordDoesAndAnythingElseAsItIs() {
        assertThat(CellNumber.displayOfE164("+14045387319")).isEqualTo("404-538-7319");
        assertThat(CellNumber.displayOfE164("+442079460958")).isEqualTo("+442079460958");
        assertThat(CellNumber.displayOfE164("4045387319")).isEqualTo("4045387319");
        assertThat(CellNumber.displayOfE164(null)).isNull();
    }

    /** Area codes and exchanges from 200 up are NANP codes; 199 and below are not (the N of NXX is 2-9). */
    @Test
    void areaCodesAndExchangesBeginningWithTwoAreAccepted() {
        assertThat(CellNumber.parse("212", "555-0142").e164()).isEqualTo("+12125550142");
        assertThat(CellNumber.parse("202", "456-1111").e164()).isEqualTo("+12024561111");
        assertThat(CellNumber.parse("404", "200-1234").e164()).isEqualTo("+14042001234");
        assertThatThrownBy(() -> CellNumber.parse("404", "199-1234"))
                .isInstanceOfSatisfying(FieldRuleException.class,
                        refused -> assertThat(refused.messageKey()).isEqualTo("cell.notUs"));
    }
}
