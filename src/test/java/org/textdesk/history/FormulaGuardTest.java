package org.textdesk.history;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Issue 17 point 6: every way a cell can start a formula is guarded; ordinary texts are left as they are. */
class FormulaGuardTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            equals sign                  | =1+1                       | '=1+1
            plus sign                    | +14045387319               | '+14045387319
            minus sign                   | -5 dollars                 | '-5 dollars
            at sign                      | @SUM(A1)                   | '@SUM(A1)
            full-width equals sign       | ＝1+1                       | '＝1+1
            full-width plus sign         | ＋1                         | '＋1
            full-width minus sign        | －1                         | '－1
            full-width at sign           | ＠SUM(A1)                   | '＠SUM(A1)
            space, then a formula        | ` =1+1`                    | `' =1+1`
            spaces, then a formula       | `   @SUM(A1)`              | `'   @SUM(A1)`
            quote-led formula            | "=HYPERLINK(""http://x"")" | '"=HYPERLINK(""http://x"")"
            apostrophe-led formula       | '=1+1                      | ''=1+1
            space and quote, then one    | ` "-1"`                    | `' "-1"`
            """)
    void aCellThatStartsAFormulaGetsALeadingApostrophe(String why, String cell, String written) {
        assertThat(FormulaGuard.guarded(cell)).isEqualTo(written);
    }

    @Test
    void controlCharactersAtTheStartAreGuardedToo() {
        assertThat(FormulaGuard.guarded("\tcmd")).isEqualTo("'\tcmd");
        assertThat(FormulaGuard.guarded("\r=1+1")).isEqualTo("'\r=1+1");
        assertThat(FormulaGuard.guarded("\nHello")).isEqualTo("'\nHello");
        assertThat(FormulaGuard.guarded(" \n=1")).isEqualTo("' \n=1");
        assertThat(FormulaGuard.guarded("\u00A0=1")).isEqualTo("'\u00A0=1");
        assertThat(FormulaGuard.guarded("\u3000＝1")).isEqualTo("'\u3000＝1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Meet at 3 - bring ID = yes", " hello", "\"Hi\" she said", "5-1", "Ｈｅｌｌｏ", "",
            "   ", "'", "OK. Can we meet at 3 instead?", "#1 on the list", "!important"})
    void ordinaryTextsAreLeftAsTheyAre(String cell) {
        assertThat(FormulaGuard.guarded(cell)).isSameAs(cell);
    }
}
