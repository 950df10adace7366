package org.textdesk.history;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Comma-separated values as RFC 4180 writes them, for spreadsheet programs: CRLF between records; a
 * field holding a quote, a comma, a CR or an LF is quoted, its quotes doubled. The bytes are UTF-8 with
 * a byte order mark, which Excel needs to read anything but ASCII correctly.
 *
 * <p>Formula injection: a spreadsheet runs a cell that starts with {@code = + - @} (or a tab or CR) as a
 * formula, and a text from a client is anyone's text. Such a cell is written with a leading apostrophe
 * ({@code '=1+1}), which spreadsheets show as text; the value is otherwise unchanged (OWASP's advice).
 */
final class CsvWriter {

    private static final String BYTE_ORDER_MARK = "\uFEFF";

    private final StringBuilder csv = new StringBuilder(BYTE_ORDER_MARK);

    CsvWriter record(List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(fields.get(i)));
        }
        csv.append("\r\n");
        return this;
    }

    byte[] bytes() {
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String field(String value) {
        String text = defused(value == null ? "" : value);
        boolean quote = text.indexOf('"') >= 0 || text.indexOf(',') >= 0 || text.indexOf('\r') >= 0
                || text.indexOf('\n') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    /** A cell a spreadsheet would run as a formula, made plain text with a leading apostrophe. */
    static String defused(String value) {
        if (value.isEmpty()) {
            return value;
        }
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
            default -> value;
        };
    }
}
