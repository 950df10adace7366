package org.textdesk.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.textdesk.IntegrationTest;
import org.textdesk.cases.CaseRecord;
import org.textdesk.cases.CaseService;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.staff.Staff;
import org.textdesk.texts.StatusHistory;
import org.textdesk.texts.TextingData;

class CaseTextsExportTest extends IntegrationTest {

    private static final String QUOTES_AND_COMMAS = "He said \"bring the lease, the ID, and \"\"proof\"\"\", then left";
    private static final String LINE_BREAKS = "Line one\nLine two\r\nLine three\rend";
    private static final String NON_LATIN = "Привет, как дела? 你好 — مرحبا 🙂";
    private static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"click\")";

    @Autowired
    ClientService clientService;

    @Autowired
    CaseService caseService;

    @Autowired
    StatusHistory statusHistory;

    TextingData data;
    Staff casey;
    Client jordan;
    CaseRecord rentalCase;
    long quotes;
    long lines;
    long nonLatin;
    long reply;
    long formula;

    @BeforeEach
    void aCaseWithAwkwardTexts() {
        data = new TextingData(jdbc);
        casey = newCaseworker();
        jordan = ClientFixture.client("Jordan", "Avery").cell("404", "538-7319").safe(true).okayToText(true)
                .create(clientService, as(casey));
        rentalCase = caseService.openCase(jordan.getId(), "16E-20010101", "Rental assistance",
                LocalDate.of(2016, 8, 1), null);
        CaseRecord otherCase = caseService.openCase(jordan.getId(), "15C-19990412", "Job training",
                LocalDate.of(2015, 3, 9), LocalDate.of(2015, 11, 20));

        quotes = sent(QUOTES_AND_COMMAS, "2016-08-17T18:30:55Z", "delivered", null);
        statusHistory.record(quotes, "queued", null, Instant.parse("2016-08-17T18:30:55Z"));
        statusHistory.record(quotes, "sent", null, Instant.parse("2016-08-17T18:30:56Z"));
        statusHistory.record(quotes, "delivered", null, Instant.parse("2016-08-17T18:30:57Z"));
        lines = sent(LINE_BREAKS, "2016-08-18T14:00:00Z", "undelivered", "30003");
        statusHistory.record(lines, "queued", null, Instant.parse("2016-08-18T14:00:00Z"));
        statusHistory.record(lines, "undelivered", "30003", Instant.parse("2016-08-18T14:00:05Z"));
        nonLatin = sent(NON_LATIN, "2016-08-19T09:15:00Z", "sent", null);
        reply = data.incoming("+14045387319", "OK, \"thanks\"\nSee you", Instant.parse("2016-08-19T10:00:00Z"),
                jordan.getId());
        formula = data.incoming("+14045387319", FORMULA, Instant.parse("2016-08-20T10:00:00Z"), jordan.getId());
        data.outboundText().toClient(jordan.getId(), "+14045387319").inCase(otherCase.getId()).sentBy(casey.getId())
                .body("Another case")
                .status("sent").sentAt(Instant.parse("2015-05-01T10:00:00Z")).insert();
    }

    @Test
    void theCsvIsRfc4180Utf8WithBomAndParsesBackExactly() throws Exception {
        MockHttpServletResponse response = mvc.get().uri("/cases/{id}/texts.csv", rentalCase.getId())
                .with(user(as(casey))).exchange().getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(response.getHeader("Content-Disposition"))
                .isEqualTo("attachment; filename=\"texts-16e-20010101.csv\"");
        byte[] bytes = response.getContentAsByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String csv = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(csv).endsWith("\r\n");

        List<List<String>> records = Rfc4180.parse(csv);
        assertThat(records.get(0)).containsExactly("Direction", "Sent or received (America/New_York)",
                "Sent or received (UTC)", "From", "To", "Message", "Status", "Message Status", "Sent by", "Attachments");
        assertThat(records).hasSize(6).allSatisfy(record -> assertThat(record).hasSize(10));

        assertThat(records.get(1)).containsExactly("Sent", "8/17/2016 2:30:55 PM", "2016-08-17T18:30:55Z",
                "404-476-4365", "404-538-7319", QUOTES_AND_COMMAS, "delivered",
                "queued 8/17/2016 2:30:55 PM\nsent 8/17/2016 2:30:56 PM\ndelivered 8/17/2016 2:30:57 PM",
                casey.getDisplayName(), "");
        assertThat(records.get(2)).containsExactly("Sent", "8/18/2016 10:00:00 AM", "2016-08-18T14:00:00Z",
                "404-476-4365", "404-538-7319", LINE_BREAKS, "undelivered (error 30003)",
                "queued 8/18/2016 10:00:00 AM\nundelivered (error 30003) 8/18/2016 10:00:05 AM",
                casey.getDisplayName(), "");
        assertThat(records.get(3).get(5)).isEqualTo(NON_LATIN);
        assertThat(records.get(3).get(6)).isEqualTo("sent");
        assertThat(records.get(4)).containsExactly("Received", "8/19/2016 6:00:00 AM", "2016-08-19T10:00:00Z",
                "404-538-7319", "404-476-4365", "OK, \"thanks\"\nSee you", "received", "", "", "");
        // A spreadsheet would run this as a formula: it is made text with a leading apostrophe.
        assertThat(records.get(5).get(5)).isEqualTo("'" + FORMULA);
    }

    @Test
    void cellsASpreadsheetWouldRunAsFormulasGetALeadingApostropheAndTheRestIsRfc4180() {
        assertThat(csvRecord("=1+1")).isEqualTo("'=1+1\r\n");
        assertThat(csvRecord("+14045387319")).isEqualTo("'+14045387319\r\n");
        assertThat(csvRecord("-5 dollars")).isEqualTo("'-5 dollars\r\n");
        assertThat(csvRecord("@SUM(A1)")).isEqualTo("'@SUM(A1)\r\n");
        assertThat(csvRecord("\tcmd")).isEqualTo("'\tcmd\r\n");
        assertThat(csvRecord("=A1,\"x\"")).isEqualTo("\"'=A1,\"\"x\"\"\"\r\n");
        assertThat(csvRecord("\n=1+1")).isEqualTo("\"'\n=1+1\"\r\n");
        assertThat(csvRecord("Meet at 3 - bring ID = yes")).isEqualTo("Meet at 3 - bring ID = yes\r\n");
        assertThat(csvRecord("first", "", null, "last")).isEqualTo("first,,,last\r\n");
    }

    /** One record as CsvWriter writes it, without the byte order mark that starts the file. */
    private static String csvRecord(String... fields) {
        String written = new String(new CsvWriter().record(Arrays.asList(fields)).bytes(),
                StandardCharsets.UTF_8);
        assertThat(written).startsWith("\uFEFF");
        return written.substring(1);
    }

    @Test
    void thePrintablePageListsEveryTextWithItsHistoryForTheCaseFile() throws Exception {
        String page = mvc.get().uri("/cases/{id}/texts/print", rentalCase.getId()).with(user(as(casey))).exchange()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("Texts of case 16E-20010101 \u2014 Jordan Avery", "Rental assistance",
                "He said &quot;bring the lease, the ID, and &quot;&quot;proof&quot;&quot;&quot;, then left",
                NON_LATIN, "=HYPERLINK(&quot;http://evil.example&quot;,&quot;click&quot;)",
                "8/17/2016 2:30:55 PM", "8/17/2016 2:30:57 PM", "Error 30003",
                "The client&#39;s phone could not be reached", casey.getDisplayName(), "The client",
                "404-476-4365 \u2192 404-538-7319", "Delivery should never be assumed", "/js/print.js",
                "data-print", ">Print<")
                .doesNotContain("Another case");
        assertThat(page.indexOf("8/17/2016 2:30:55 PM")).isLessThan(page.indexOf("8/20/2016"));
        assertThat(TextsPagesTest.rowIds(page)).isEmpty();
        assertThat(page.split("<tr class=\"(incoming|outbound)\"", -1)).hasSize(6);
    }

    private long sent(String body, String at, String status, String errorCode) {
        return data.outboundText().toClient(jordan.getId(), "+14045387319").inCase(rentalCase.getId())
                .sentBy(casey.getId()).body(body)
                .status(status).errorCode(errorCode).sentAt(Instant.parse(at)).insert();
    }

    /** A strict RFC 4180 reader: CRLF between records, quoted fields with doubled quotes, anything inside quotes. */
    static final class Rfc4180 {

        static List<List<String>> parse(String csv) {
            List<List<String>> records = new ArrayList<>();
            List<String> record = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            int i = 0;
            boolean fieldStarted = false;
            while (i < csv.length()) {
                char c = csv.charAt(i);
                if (!fieldStarted && c == '"') {
                    i++;
                    while (true) {
                        if (i >= csv.length()) {
                            throw new IllegalArgumentException("unclosed quote");
                        }
                        char q = csv.charAt(i);
                        if (q == '"') {
                            if (i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                                field.append('"');
                                i += 2;
                                continue;
                            }
                            i++;
                            break;
                        }
                        field.append(q);
                        i++;
                    }
                    fieldStarted = true;
                    if (i < csv.length() && csv.charAt(i) != ',' && csv.charAt(i) != '\r') {
                        throw new IllegalArgumentException("text after a closing quote at " + i);
                    }
                    continue;
                }
                if (c == ',') {
                    record.add(field.toString());
                    field.setLength(0);
                    fieldStarted = false;
                    i++;
                } else if (c == '\r') {
                    if (i + 1 >= csv.length() || csv.charAt(i + 1) != '\n') {
                        throw new IllegalArgumentException("a bare CR outside quotes at " + i);
                    }
                    record.add(field.toString());
                    records.add(record);
                    record = new ArrayList<>();
                    field.setLength(0);
                    fieldStarted = false;
                    i += 2;
                } else if (c == '\n' || c == '"') {
                    throw new IllegalArgumentException("an unquoted " + (c == '"' ? "quote" : "LF") + " at " + i);
                } else {
                    field.append(c);
                    fieldStarted = true;
                    i++;
                }
            }
            if (fieldStarted || !record.isEmpty()) {
                throw new IllegalArgumentException("the last record does not end with CRLF");
            }
            return records;
        }
    }
}
