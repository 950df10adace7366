package org.textdesk.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Comma-separated values for spreadsheet programs, written by Apache Commons CSV in its RFC 4180 format: CRLF
 * between records; a field holding a quote, a comma, a CR or an LF (and, Commons CSV's own caution, one that
 * starts with a space or a character up to {@code #}, or ends with a space) is quoted, its quotes doubled. The
 * bytes are UTF-8 with a byte order mark, which Excel needs to read anything but ASCII correctly.
 *
 * <p>Every cell passes TextDesk's {@link FormulaGuard} first: a text from a client is anyone's text.
 */
final class CsvWriter {

    private static final String BYTE_ORDER_MARK = "\uFEFF";
    private static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private final StringBuilder csv = new StringBuilder(BYTE_ORDER_MARK);
    private final CSVPrinter printer;

    CsvWriter() {
        try {
            printer = new CSVPrinter(csv, FORMAT);
        } catch (IOException cannotHappenWithAStringBuilder) {
            throw new UncheckedIOException(cannotHappenWithAStringBuilder);
        }
    }

    CsvWriter record(List<String> fields) {
        try {
            printer.printRecord(fields.stream().map(CsvWriter::cell));
        } catch (IOException cannotHappenWithAStringBuilder) {
            throw new UncheckedIOException(cannotHappenWithAStringBuilder);
        }
        return this;
    }

    byte[] bytes() {
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One field as it is written within a record (guarded, quoted when needed). */
    static String field(String value) {
        return FORMAT.format(cell(value));
    }

    private static String cell(String value) {
        return FormulaGuard.guarded(value == null ? "" : value);
    }
}
