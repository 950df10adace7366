package org.textdesk.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

class MessageStatusPageTest extends IntegrationTest {

    private static final String DISCLAIMER = "Delivery should never be assumed, even with a delivered status";
    private static final Pattern HISTORY_ROW = Pattern.compile(
            "<tr>\\s*<td>([^<]*)</td>\\s*<td>([^<]*)</td>\\s*<td>([^<]*)</td>\\s*<td>([^<]*)</td>\\s*</tr>");

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

    @BeforeEach
    void aClientWhoMayBeTexted() {
        data = new TextingData(jdbc);
        casey = newCaseworker();
        configureTwilio();
        fakeTwilio.acceptMessages("queued");
        jordan = ClientFixture.client("Jordan", "Avery").cell("404", "538-7319").safe(true).okayToText(true)
                .create(clientService, as(casey));
        rentalCase = caseService.openCase(jordan.getId(), "16E-20010101", "Rental assistance",
                LocalDate.of(2016, 8, 1), null);
    }

    @Test
    void theHistoryListsEachStatusInTwilioOrderWithItsDateTimeAndWhenItArrived() {
        long id = TextingData.send(mvc, casey, jordan, rentalCase.getId(), "Bring your rental agreement.");
        // Twilio's reports arrive out of order and repeat: delivered before sent, sent twice.
        statusHistory.record(id, "delivered", null, Instant.parse("2016-08-17T18:30:57Z"),
                Instant.parse("2016-08-17T18:31:10Z"));
        statusHistory.record(id, "sent", null, Instant.parse("2016-08-17T18:30:56Z"),
                Instant.parse("2016-08-17T18:31:20Z"));
        statusHistory.record(id, "sent", null, Instant.parse("2016-08-17T18:30:56Z"),
                Instant.parse("2016-08-17T18:31:30Z"));

        String page = page(id);
        List<List<String>> history = history(page);
        assertThat(history).extracting(row -> row.get(0)).containsExactly("queued", "sent", "delivered");
        assertThat(history.get(1).subList(1, 3)).containsExactly("8/17/2016 2:30:56 PM", "8/17/2016 2:31:20 PM");
        assertThat(history.get(2).subList(1, 3)).containsExactly("8/17/2016 2:30:57 PM", "8/17/2016 2:31:10 PM");
        assertThat(page).contains(">Status<", ">Date Time<", ">Received by TextDesk<", "Message Status",
                "<span class=\"badge status ok\">delivered</span>");
    }

    @Test
    void eachErrorCodeIsExplainedInPlainWordsWithTwilioLink() {
        Map<String, String> explanations = Map.of(
                "21610", "The client has replied STOP to our number",
                "30003", "The client&#39;s phone could not be reached",
                "30005", "this number does not exist or is no longer in service",
                "30006", "This number cannot receive texts: it is probably a landline",
                "30007", "The phone company blocked the text as possible spam",
                "30008", "The text could not be delivered, and the phone company did not say why");
        explanations.forEach((code, words) -> {
            long id = undelivered(code);
            assertThat(page(id)).as(code).contains(words, "Error " + code,
                    "href=\"https://www.twilio.com/docs/api/errors/" + code + "\"",
                    "Twilio&#39;s page on error " + code, DISCLAIMER);
        });

        long unexplained = undelivered("63016");
        assertThat(page(unexplained)).contains(
                "Twilio reported error 63016, which TextDesk cannot put in plain words yet.",
                "href=\"https://www.twilio.com/docs/api/errors/63016\"");
        long local = undelivered("ODD-CODE");
        assertThat(page(local)).contains("TextDesk recorded the problem ODD-CODE.")
                .doesNotContain("twilio.com/docs/api/errors/ODD-CODE");
    }

    @Test
    void theDisclaimerIsAlwaysShown() throws Exception {
        long queued = TextingData.send(mvc, casey, jordan, null, "Queued");
        long delivered = TextingData.send(mvc, casey, jordan, null, "Delivered");
        statusHistory.record(delivered, "delivered", null, null);
        long incoming = data.incoming("+14045387319", "Hello", Instant.now(), jordan.getId());
        fakeTwilio.answer("POST", org.textdesk.FakeTwilio.MESSAGES_PATH,
                org.textdesk.FakeTwilio.Answer.twilioError(400, 21211, "Invalid 'To' Phone Number"));
        long notSent = TextingData.send(mvc, casey, jordan, null, "Not sent");
        for (long id : new long[] {queued, delivered, notSent}) {
            assertThat(page(id)).as("text %d", id).contains(DISCLAIMER);
            assertThat(get("/texts/" + id + "/status").getContentAsString(StandardCharsets.UTF_8)).contains(DISCLAIMER);
        }
        // An incoming text has no delivery to speak of: its page has no Message Status at all.
        assertThat(page(incoming)).doesNotContain(DISCLAIMER);
        assertThat(get("/clients/" + jordan.getId() + "/texts").getContentAsString(StandardCharsets.UTF_8))
                .contains(DISCLAIMER);
    }

    @Test
    void theStatusPartRefreshesItselfUntilTheStatusIsFinal() throws Exception {
        long id = TextingData.send(mvc, casey, jordan, null, "On its way");
        String page = page(id);
        assertThat(page).contains("data-status-url=\"/texts/" + id + "/status\"", "/js/message-status.js",
                "Updates by itself", "action=\"/texts/" + id + "/refresh-status\"", ">Refresh status<",
                "name=\"_csrf\"", "id=\"message-status-announcement\"");

        MockHttpServletResponse fragment = get("/texts/" + id + "/status");
        String part = fragment.getContentAsString(StandardCharsets.UTF_8);
        assertThat(part.strip()).startsWith("<section id=\"message-status\"");
        assertThat(part).doesNotContain("<html", "<header").contains("data-status-url=\"/texts/" + id + "/status\"",
                "data-status-version=\"queued|1|\"", "data-status-announcement=\"Status: queued\"");
        assertThat(fragment.getHeader("Cache-Control")).contains("no-store");

        statusHistory.record(id, "sent", null, null);
        assertThat(get("/texts/" + id + "/status").getContentAsString(StandardCharsets.UTF_8))
                .contains("data-status-url", "data-status-version=\"sent|2|\"", ">sent<");

        statusHistory.record(id, "delivered", null, null);
        String finalPart = get("/texts/" + id + "/status").getContentAsString(StandardCharsets.UTF_8);
        assertThat(finalPart).doesNotContain("data-status-url", "Refresh status", "Updates by itself")
                .contains("data-status-version=\"delivered|3|\"", ">delivered<", DISCLAIMER);
        assertThat(page(id)).doesNotContain("data-status-url", "Refresh status");
    }

    @Test
    void aTextThatDidNotGetThroughOffersResendInsteadOfRefresh() {
        long id = TextingData.send(mvc, casey, jordan, rentalCase.getId(), "Bring your lease.");
        statusHistory.record(id, "sent", null, null);
        statusHistory.record(id, "undelivered", "30003", null);
        String page = page(id);
        assertThat(page).contains("href=\"/clients/" + jordan.getId() + "/texts/new?resend=" + id + "\"", ">Resend<",
                "Error 30003", "<span class=\"badge status bad\">undelivered</span>")
                .doesNotContain("Refresh status", "data-status-url");
        assertThat(history(page)).extracting(row -> row.get(3)).containsExactly("", "", "Error 30003");
    }

    @Test
    void anIncomingTextsPageShowsWhoSentItAndOpeningItMarksItRead() {
        long fromJordan = data.incoming("+14045387319", "Can we meet at 3?", Instant.now(), jordan.getId());
        assertThat(page(fromJordan)).contains("<h1>Incoming text</h1>", "<dt>Received</dt>", "<dt>From</dt>",
                "404-538-7319", "<dt>Client</dt>", "href=\"/clients/" + jordan.getId() + "\">Jordan Avery</a>",
                "Can we meet at 3?", "href=\"/clients/" + jordan.getId() + "/texts/new\">Reply to Jordan Avery</a>")
                .doesNotContain("Refresh status", "data-status-url", ">Resend<", "Sent by", "Message Status",
                        "No status reported yet", "message-status.js");
        assertThat(jdbc.queryForObject("select read_at is not null from text_messages where id = ?", Boolean.class,
                fromJordan)).isTrue();

        long unknown = data.incoming("+14045550100", "Who is this?", Instant.now());
        assertThat(page(unknown)).contains("Unknown number", "href=\"/incoming/" + unknown + "/attach\"",
                "Attach to a client");
    }

    @Test
    void aTextThatWasNotSentIsLabelledSoWithOnePrimaryActionAndWhatEachDoes() {
        long notSent = data.outboundText().toClient(jordan.getId(), "+14045387319")
                    .sentBy(casey.getId()).body("Hello")
                    .status("not_sent").errorCode("NETWORK").sentAt(Instant.now()).insert();
        String page = page(notSent);
        assertThat(page).contains("<dt>Not sent</dt>").doesNotContain("<dt>Sent</dt>");
        assertThat(page).contains("<button type=\"submit\" aria-describedby=\"retry-explained\">Retry</button>",
                "<a class=\"button secondary\" aria-describedby=\"resend-explained\"",
                "Retry sends this same text once more, unchanged; it can be used once.",
                "Resend opens Send Text with these words in the box, so you can change them and send them as a new text.");

        // Not worth retrying (Twilio refused the number): Resend is the one primary action.
        long refused = data.outboundText().toClient(jordan.getId(), "+14045387319")
                    .sentBy(casey.getId()).body("Hello")
                    .status("not_sent").errorCode("21211").sentAt(Instant.now()).insert();
        assertThat(page(refused)).contains("<dt>Not sent</dt>", "<a class=\"button\" aria-describedby=\"resend-explained\"",
                "Resend opens Send Text").doesNotContain(">Retry<", "Retry sends");

        long sent = data.outboundText().toClient(jordan.getId(), "+14045387319")
                    .sentBy(casey.getId()).body("Hello").status("delivered").sentAt(Instant.now()).insert();
        assertThat(page(sent)).contains("<dt>Sent</dt>").doesNotContain("Not sent", "Retry sends", "Resend opens");
    }

    private long undelivered(String code) {
        long id = data.outboundText().toClient(jordan.getId(), "+14045387319").sentBy(casey.getId())
                .body("Hello")
                .status("undelivered").errorCode(code).sentAt(Instant.now()).insert();
        statusHistory.record(id, "undelivered", code, null);
        return id;
    }

    private String page(long messageId) {
        try {
            return get("/texts/" + messageId).getContentAsString(StandardCharsets.UTF_8);
        } catch (UnsupportedEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private MockHttpServletResponse get(String uri) {
        MockHttpServletResponse response = mvc.get().uri(uri).with(user(as(casey))).exchange().getResponse();
        assertThat(response.getStatus()).as(uri).isEqualTo(200);
        return response;
    }

    /** The Status, Date Time, Received by TextDesk and Error cells of the status history, row by row. */
    private static List<List<String>> history(String page) {
        String table = page.substring(page.indexOf("status-history"));
        table = table.substring(0, table.indexOf("</table>"));
        List<List<String>> rows = new ArrayList<>();
        Matcher row = HISTORY_ROW.matcher(table);
        while (row.find()) {
            rows.add(List.of(row.group(1), row.group(2), row.group(3), row.group(4)));
        }
        return rows;
    }
}
