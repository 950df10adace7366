package org.textdesk.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.textdesk.IntegrationTest;
import org.textdesk.cases.CaseRecord;
import org.textdesk.cases.CaseService;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.staff.Staff;
import org.textdesk.texts.StatusHistory;
import org.textdesk.texts.TextingData;

public class TextsPagesTest extends IntegrationTest {

    private static final Pattern TEXT_ROW = Pattern.compile("<tr[^>]*data-message-id=\"(\\d+)\"");

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
    CaseRecord trainingCase;

    @BeforeEach
    void aClientWithTwoCases() {
        data = new TextingData(jdbc);
        casey = newCaseworker();
        jordan = ClientFixture.client("Jordan", "Avery").cell("404", "538-7319").safe(true).okayToText(true)
                .create(clientService, as(casey));
        rentalCase = caseService.openCase(jordan.getId(), "16E-20010101", "Rental assistance",
                LocalDate.of(2016, 8, 1), null);
        trainingCase = caseService.openCase(jordan.getId(), "15C-19990412", "Job training referral",
                LocalDate.of(2015, 3, 9), LocalDate.of(2015, 11, 20));
    }

    @Test
    void theClientsTextsShowBothSidesNewestFirstWithTheSeedsLabels() {
        configureTwilio();
        fakeTwilio.acceptMessages("queued");
        long sent = TextingData.send(mvc, casey, jordan, rentalCase.getId(),
                "Please remember that you are to bring your rental agreement.");
        long reply = data.incoming("+14045387319", "OK, see you at 3, \"thanks\" <b>!", Instant.now().plusSeconds(60),
                jordan.getId());

        String page = body("/clients/{id}/texts", jordan.getId());
        assertThat(page).contains("Texts \u2014 Jordan Avery", ">Message<", ">Sent<", ">To<", ">Sent by<",
                ">Status<", "Message Status", "2 texts, newest first",
                "Please remember that you are to bring your rental agreement.",
                "OK, see you at 3, &quot;thanks&quot; &lt;b&gt;!", "From the client", "From 404-538-7319",
                ">404-538-7319<", "16E-20010101", casey.getDisplayName(), ">queued<", ">received<",
                "href=\"/texts/" + sent + "\"", "href=\"/texts/" + reply + "\"",
                "Delivery should never be assumed");
        assertThat(rowIds(page)).containsExactly(reply, sent);
        assertThat(page).containsOnlyOnce(">New<");
    }

    @Test
    void openingTheClientsTextsMarksTheirIncomingTextsRead() {
        Client dana = ClientFixture.client("Dana", "Brooks").cell("678", "555-0123").safe(true).okayToText(true)
                .create(clientService, as(casey));
        Instant now = Instant.now();
        long first = data.incoming("+14045387319", "Running late", now.minusSeconds(120), jordan.getId());
        long second = data.incoming("+14045387319", "Here now", now.minusSeconds(60), jordan.getId());
        long danas = data.incoming("+16785550123", "Call me", now, dana.getId());
        data.incoming("+14045550100", "Who is this?", now);

        assertThat(body("/clients")).contains("4 unread", "2 unread", "1 unread");
        assertThat(body("/clients/{id}", jordan.getId())).contains("2 unread texts from this client",
                "href=\"/clients/" + jordan.getId() + "/texts\"");

        String texts = body("/clients/{id}/texts", jordan.getId());
        assertThat(texts.split(">New<", -1)).hasSize(3);
        assertThat(readAt(first)).isNotNull();
        assertThat(readAt(second)).isNotNull();
        assertThat(readAt(danas)).isNull();

        assertThat(body("/clients/{id}/texts", jordan.getId())).doesNotContain(">New<");
        assertThat(body("/clients/{id}", jordan.getId())).doesNotContain("unread texts from this client")
                .contains("2 unread");
        assertThat(body("/clients")).contains("2 unread", "1 unread").doesNotContain("4 unread");
    }

    @Test
    void aCasesTextsAreTheTextsSentInItAndTheClientsTextsWhileItWasOpen() {
        long rental = data.outboundText().toClient(jordan.getId(), "+14045387319").inCase(rentalCase.getId())
                .sentBy(casey.getId()).body("Bring your lease")
                .status("delivered").sentAt(at("2016-08-17T18:30:55Z")).insert();
        long training = data.outboundText().toClient(jordan.getId(), "+14045387319").inCase(trainingCase.getId())
                .sentBy(casey.getId()).body("Class starts Monday")
                .status("sent").sentAt(at("2015-05-01T14:00:00Z")).insert();
        long noCase = data.outboundText().toClient(jordan.getId(), "+14045387319").sentBy(casey.getId())
                .body("Happy new year")
                .status("delivered").sentAt(at("2017-01-01T15:00:00Z")).insert();
        long duringTraining = data.incoming("+14045387319", "Is class on?", at("2015-06-01T12:00:00Z"),
                jordan.getId());
        long duringRental = data.incoming("+14045387319", "Got it", at("2016-08-17T19:00:00Z"), jordan.getId());
        // 2015-11-20 23:30 in New York is 2015-11-21 04:30 UTC: still the training case's last day.
        long lastDayOfTraining = data.incoming("+14045387319", "Thanks for everything",
                at("2015-11-21T04:30:00Z"), jordan.getId());
        long beforeAnyCase = data.incoming("+14045387319", "Hello?", at("2014-01-01T12:00:00Z"), jordan.getId());

        assertThat(rowIds(body("/clients/{id}/texts", jordan.getId()))).containsExactly(noCase, duringRental, rental,
                lastDayOfTraining, duringTraining, training, beforeAnyCase);
        assertThat(rowIds(body("/clients/{id}/texts?caseId={c}", jordan.getId(), rentalCase.getId())))
                .containsExactly(duringRental, rental);
        assertThat(rowIds(body("/cases/{id}/texts", trainingCase.getId())))
                .containsExactly(lastDayOfTraining, duringTraining, training);
        String casePage = body("/cases/{id}/texts", rentalCase.getId());
        assertThat(rowIds(casePage)).containsExactly(duringRental, rental);
        assertThat(casePage).contains("Texts of case 16E-20010101 \u2014 Jordan Avery",
                "href=\"/cases/" + rentalCase.getId() + "/texts.csv\"",
                "href=\"/cases/" + rentalCase.getId() + "/texts/print\"");

        String filtered = body("/clients/{id}/texts?caseId={c}", jordan.getId(), rentalCase.getId());
        assertThat(filtered).contains("<option value=\"" + rentalCase.getId() + "\" selected=\"selected\"",
                "15C-19990412 Job training referral (closed)", "All texts");

        Client other = ClientFixture.client("Sam", "Other").cell("404", "538-7320").safe(true).okayToText(true)
                .create(clientService, as(casey));
        CaseRecord othersCase = caseService.openCase(other.getId(), "16E-20010199", "Other", LocalDate.of(2016, 1, 1),
                null);
        assertThat(rowIds(body("/clients/{id}/texts?caseId={c}", jordan.getId(), othersCase.getId()))).hasSize(7);
        assertThat(rowIds(body("/clients/{id}/texts?caseId=abc", jordan.getId()))).hasSize(7);
    }

    @Test
    void texts25ToAPageNewestFirst() {
        Instant start = at("2016-08-01T12:00:00Z");
        for (int i = 1; i <= 30; i++) {
            data.outboundText().toClient(jordan.getId(), "+14045387319").inCase(rentalCase.getId())
                    .sentBy(casey.getId()).body("Text number " + i)
                    .status("delivered").sentAt(start.plusSeconds(60L * i)).insert();
        }
        String first = body("/clients/{id}/texts", jordan.getId());
        assertThat(rowIds(first)).hasSize(25);
        assertThat(first.indexOf("Text number 30<")).isLessThan(first.indexOf("Text number 29<"));
        assertThat(first).contains("Page 1 of 2", "30 texts, newest first", "Older texts")
                .doesNotContain("Text number 5<");
        String second = body("/clients/{id}/texts?page=2", jordan.getId());
        assertThat(rowIds(second)).hasSize(5);
        assertThat(second).contains("Text number 5<", "Text number 1<", "Page 2 of 2", "Newer texts");
        assertThat(body("/clients/{id}/texts?page=99", jordan.getId())).contains("Page 2 of 2");
        assertThat(body("/cases/{id}/texts?page=2", rentalCase.getId())).contains("Text number 1<",
                "href=\"/cases/" + rentalCase.getId() + "/texts?page=1\"");
    }

    @Test
    void aClientWhoseLastTextDidNotGetThroughIsFlaggedWithResend() {
        data.outboundText().toClient(jordan.getId(), "+14045387319").sentBy(casey.getId())
                .body("First")
                .status("delivered").sentAt(at("2016-08-17T18:00:00Z")).insert();
        long undelivered = data.outboundText().toClient(jordan.getId(), "+14045387319").inCase(rentalCase.getId())
                .sentBy(casey.getId()).body("Bring your lease")
                .status("undelivered").errorCode("30003").sentAt(at("2016-08-17T18:30:55Z")).insert();
        data.incoming("+14045387319", "?", at("2016-08-17T19:00:00Z"), jordan.getId());

        assertThat(body("/clients/{id}", jordan.getId())).contains("Last text did not get through",
                "The last text sent to this client, on 8/17/2016 2:30:55 PM, is undelivered.",
                "href=\"/clients/" + jordan.getId() + "/texts/new?resend=" + undelivered + "\"", ">Resend<");
        assertThat(body("/clients")).contains("Last text did not get through",
                "href=\"/texts/" + undelivered + "\"");
        assertThat(mvc.get().uri("/clients/{id}/texts/new?resend={m}", jordan.getId(), undelivered)
                .with(user(as(casey)))).hasStatusOk().bodyText().contains("Bring your lease</textarea>");

        data.outboundText().toClient(jordan.getId(), "+14045387319").sentBy(casey.getId())
                .body("Again")
                .status("sent").sentAt(at("2016-08-18T10:00:00Z")).insert();
        assertThat(body("/clients/{id}", jordan.getId())).doesNotContain("Last text did not get through");
        assertThat(body("/clients")).doesNotContain("Last text did not get through");

        data.outboundText().toClient(jordan.getId(), "+14045387319").sentBy(casey.getId())
                .body("Not sent")
                .status("not_sent").errorCode("21610").sentAt(at("2016-08-19T10:00:00Z")).insert();
        assertThat(body("/clients/{id}", jordan.getId())).contains("Last text did not get through", "not sent");
    }

    @Test
    void theCasePageLinksToItsTexts() {
        assertThat(body("/cases/{id}", rentalCase.getId())).contains(
                "href=\"/cases/" + rentalCase.getId() + "/texts\"");
        assertThat(body("/clients/{id}", jordan.getId())).contains(
                "href=\"/clients/" + jordan.getId() + "/texts\"");
    }

    @Test
    void unknownClientsAndCasesAre404() {
        assertThat(mvc.get().uri("/clients/999999/texts").with(user(as(casey)))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/cases/999999/texts").with(user(as(casey)))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/cases/999999/texts.csv").with(user(as(casey)))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/cases/999999/texts/print").with(user(as(casey))))
                .hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void anonymousVisitorsAreSentToLogInAndAdminsSeeEverything() {
        long text = data.incoming("+14045387319", "Hi", Instant.now(), jordan.getId());
        for (String uri : new String[] {"/clients/" + jordan.getId() + "/texts", "/cases/" + rentalCase.getId()
                + "/texts", "/cases/" + rentalCase.getId() + "/texts.csv", "/cases/" + rentalCase.getId()
                + "/texts/print", "/incoming", "/incoming/" + text + "/attach", "/texts/" + text,
                "/texts/" + text + "/status"}) {
            assertThat(mvc.get().uri(uri)).as(uri).hasStatus(HttpStatus.FOUND).redirectedUrl().endsWith("/login");
            assertThat(mvc.get().uri(uri).with(user(as(newAdmin())))).as(uri).hasStatusOk();
        }
        assertThat(readAt(text)).isNotNull();
    }

    private String body(String uri, Object... variables) {
        try {
            var response = mvc.get().uri(uri, variables).with(user(as(casey))).exchange().getResponse();
            assertThat(response.getStatus()).as(uri).isEqualTo(200);
            return response.getContentAsString(StandardCharsets.UTF_8);
        } catch (UnsupportedEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    public static java.util.List<Long> rowIds(String page) {
        java.util.List<Long> ids = new java.util.ArrayList<>();
        Matcher row = TEXT_ROW.matcher(page);
        while (row.find()) {
            ids.add(Long.parseLong(row.group(1)));
        }
        return ids;
    }

    private java.time.OffsetDateTime readAt(long messageId) {
        return jdbc.queryForObject("select read_at from text_messages where id = ?", java.time.OffsetDateTime.class,
                messageId);
    }

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
