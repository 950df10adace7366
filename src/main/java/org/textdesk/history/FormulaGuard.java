package org.textdesk.history;

/**
 * TextDesk's rule against formula injection in exports (OWASP "CSV Injection"): a spreadsheet runs a cell that
 * starts with {@code = + - @} as a formula, some also after a tab, CR or line feed, after leading spaces or
 * quotes, or with the full-width forms {@code ＝ ＋ － ＠} that East Asian input methods type, and a text from
 * a client is anyone's text. Such a cell gets a leading apostrophe ({@code '=1+1}), which spreadsheets show as
 * text; the value is otherwise unchanged. A dash or equals sign later in a cell is plain text and left alone.
 */
final class FormulaGuard {

    /** Characters that start a formula, or (tab, CR, LF) a cell some spreadsheets read past into one. */
    private static final String FORMULA_STARTS = "=+-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20";
    /** Characters a spreadsheet may skip before it looks for a formula: spaces and quotes. */
    private static final String SKIPPED_BEFORE = " \u00A0\u3000\"'";

    private FormulaGuard() {
    }

    static String guarded(String value) {
        return startsAFormula(value) ? "'" + value : value;
    }

    static boolean startsAFormula(String value) {
        int first = 0;
        while (first < value.length() && SKIPPED_BEFORE.indexOf(value.charAt(first)) >= 0) {
            first++;
        }
        return first < value.length() && FORMULA_STARTS.indexOf(value.charAt(first)) >= 0;
    }
}
