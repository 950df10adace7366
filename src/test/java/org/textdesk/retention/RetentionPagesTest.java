package org.textdesk.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.textdesk.IntegrationTest;
import org.textdesk.cases.CaseRecord;
import org.textdesk.cases.CaseService;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.staff.Staff;
import org.textdesk.texts.TextingData;

/**
 * The Retention page (admins only; bad input refused beside the field with what was typed kept), the words a
 * redacted text shows on every page and export that shows a body, and the record of exports opened with its
 * admin page.
 */
class RetentionPagesTest extends IntegrationTest {

    @Autowired
    ClientService clientService;

    @Autowired
    CaseService caseService;

    @Autowired
    RetentionSettings settings;

    @Autowired
    BodyRedaction redaction;

    @Autowired
    TwilioDeletion twilioDeletion;

    Staff casey;
    Staff ada;
    Client jordan;
    CaseRecord rentalCase;

    @BeforeEach
    void aClientWithACase() {
        casey = newCaseworker();
        ada = newAdmin();
        jordan = ClientFixture.client("Jordan", "Avery").cell("404", "538-7319").safe(true).okayToText(true)
                .create(clientService, as(casey));
        rentalCase = caseService.openCase(jordan.getId(), "16E-20010101", "Rental assistance",
                LocalDate.of(2016, 8, 1), null);
    }

    String page(String uri, Staff staff) throws Exception {
        var response = mvc.get().uri(uri).with(user(as(staff))).exchange().getResponse();
        assertThat(response.getStatus()).as(uri).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    /** The "Delete texts at Twilio" checkbox's tag. */
    static String checkbox(String html) {
        var tag = java.util.regex.Pattern.compile("<input[^>]*id=\"deleteAtTwilio1\"[^>]*>").matcher(html);
        assertThat(tag.find()).as("the checkbox").isTrue();
        return tag.group();
    }

    MvcTestResult save(String keepMonths, boolean deleteAtTwilio) {
        var request = mvc.post().uri("/admin/retention").with(user(as(ada))).with(csrf()).param("keepMonths", keepMonths);
        return (deleteAtTwilio ? request.param("deleteAtTwilio", "true") : request).exchange();
    }

    @Test
    void anAdminSetsTheMonthsAndTheTwilioOption() throws Exception {
        String empty = page("/admin/retention", ada);
        assertThat(empty).contains("Keep message bodies and pictures for (months)", "Delete texts at Twilio after delivery",
                "name=\"keepMonths\" value=\"\"");

        MvcTestResult saved = save(" 6 ", true);
        assertThat(saved).hasStatus(HttpStatus.FOUND).hasRedirectedUrl("/admin/retention");
        assertThat(settings.current()).isEqualTo(new RetentionPolicy(new KeepMonths(6), true));
        String after = followRedirect(saved, as(ada)).getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(after).contains("Saved: message bodies and pictures are removed after 6 months.",
                "name=\"keepMonths\" value=\"6\"");
        assertThat(checkbox(after)).contains("checked");
        assertThat(jdbc.queryForObject("select changed_by from retention_settings where id = 1", Long.class))
                .isEqualTo(ada.getId());

        MvcTestResult forever = save("", false);
        assertThat(settings.current()).isEqualTo(new RetentionPolicy(KeepMonths.FOREVER, false));
        assertThat(followRedirect(forever, as(ada)).getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("Saved: message bodies and pictures are kept forever.");
    }

    @Test
    void badMonthsAreRefusedBesideTheFieldWithWhatWasTypedKeptAndNothingSaved() throws Exception {
        settings.change(new RetentionPolicy(new KeepMonths(12), false), ada.getId());
        Map<String, String> refusals = Map.of(
                "six", "Type a whole number of months, from 1 to 120, or leave it empty to keep them forever.",
                "6.5", "Type a whole number of months, from 1 to 120, or leave it empty to keep them forever.",
                "-3", "Type a whole number of months, from 1 to 120, or leave it empty to keep them forever.",
                "0", "Type a number of months from 1 to 120 (10 years), or leave it empty to keep them forever.",
                "121", "Type a number of months from 1 to 120 (10 years), or leave it empty to keep them forever.",
                "99999999999", "Type a number of months from 1 to 120 (10 years), or leave it empty to keep them forever.");
        for (var refusal : refusals.entrySet()) {
            MvcTestResult result = save(refusal.getKey(), true);
            assertThat(result).as(refusal.getKey()).hasStatusOk();
            String html = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
            assertThat(html).as(refusal.getKey()).contains(
                    "<span class=\"error\" id=\"keepMonths-error\">" + refusal.getValue() + "</span>",
                    "value=\"" + refusal.getKey() + "\"", "Please correct the fields marked below.");
            assertThat(checkbox(html)).as("the box stays as ticked").contains("checked");
        }
        assertThat(settings.current()).isEqualTo(new RetentionPolicy(new KeepMonths(12), false));
    }

    @Test
    void caseworkersCannotSeeOrChangeTheSettingsOrTheExportRecord() {
        assertThat(mvc.get().uri("/admin/retention").with(user(as(casey)))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.post().uri("/admin/retention").with(user(as(casey))).with(csrf()).param("keepMonths", "1"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(mvc.get().uri("/admin/exports").with(user(as(casey)))).hasStatus(HttpStatus.FORBIDDEN);
        assertThat(settings.current()).isEqualTo(RetentionPolicy.DEFAULT);
    }

    @Test
    void aRedactedTextSaysRemovedAfterNMonthsWhereverItsBodyShows() throws Exception {
        TextingData data = new TextingData(jdbc);
        long sent = data.outboundText().toClient(jordan.getId(), "+14045387319").inCase(rentalCase.getId())
                .sentBy(casey.getId()).body("Your hearing is at 9 on Monday").status("delivered")
                .sentAt(Instant.parse("2026-01-10T15:00:00Z")).insert();
        long incoming = data.incoming("+14045387319", "My new address is 12 Elm St",
                Instant.parse("2026-01-11T15:00:00Z"), jordan.getId());
        settings.change(new RetentionPolicy(new KeepMonths(6), false), ada.getId());
        new RetentionRun(settings, redaction, twilioDeletion,
                Clock.fixed(Instant.parse("2026-12-02T12:00:00Z"), ZoneOffset.UTC)).run();

        for (String uri : List.of("/clients/" + jordan.getId() + "/texts", "/cases/" + rentalCase.getId() + "/texts",
                "/texts/" + sent, "/texts/" + incoming, "/incoming",
                "/cases/" + rentalCase.getId() + "/texts/print", "/clients/" + jordan.getId())) {
            String html = page(uri, casey);
            assertThat(html).as(uri).contains("(removed after 6 months)")
                    .doesNotContain("Your hearing is at 9 on Monday").doesNotContain("12 Elm St");
        }
        String csv = new String(mvc.get().uri("/cases/{id}/texts.csv", rentalCase.getId()).with(user(as(casey)))
                .exchange().getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).contains(",(removed after 6 months),").doesNotContain("Your hearing");
    }

    @Test
    void aRedactedTextThatWasNotSentIsNeverSentAgainNorCopiedIntoANewText() throws Exception {
        configureTwilio();
        fakeTwilio.acceptMessages("queued");
        long notSent = new TextingData(jdbc).outboundText().toClient(jordan.getId(), "+14045387319")
                .sentBy(casey.getId()).body("Your benefits letter is ready").status("not_sent").errorCode("NETWORK")
                .sentAt(Instant.parse("2026-01-10T15:00:00Z")).insert();
        assertThat(page("/texts/" + notSent, casey)).contains(">Retry</button>");
        settings.change(new RetentionPolicy(new KeepMonths(6), false), ada.getId());
        new RetentionRun(settings, redaction, twilioDeletion,
                Clock.fixed(Instant.parse("2026-12-02T12:00:00Z"), ZoneOffset.UTC)).run();

        assertThat(page("/texts/" + notSent, casey)).contains("(removed after 6 months)").doesNotContain(">Retry</button>");
        MvcTestResult retry = mvc.post().uri("/texts/{id}/retry", notSent).with(user(as(casey))).with(csrf()).exchange();
        assertThat(followRedirect(retry, as(casey)).getResponse().getContentAsString(StandardCharsets.UTF_8))
                .contains("This text does not need to be sent again.");
        assertThat(fakeTwilio.requests("POST", "/2010-04-01/Accounts/{AccountSid}/Messages.json")).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from text_messages", Long.class)).isEqualTo(1L);
        assertThat(page("/clients/" + jordan.getId() + "/texts/new?resend=" + notSent, casey))
                .doesNotContain("(removed after 6 months)");
    }

    @Test
    void everyCsvExportAndPrintablePageOpenedIsRecordedAndListedForAdminsNewestFirst() throws Exception {
        assertThat(page("/admin/exports", ada)).contains("No export or printable page has been opened yet.");
        assertThat(mvc.get().uri("/cases/{id}/texts.csv", rentalCase.getId()).with(user(as(casey)))).hasStatusOk();
        assertThat(mvc.get().uri("/cases/{id}/texts/print", rentalCase.getId()).with(user(as(casey)))).hasStatusOk();
        // an export of a case that does not exist is not served, and not recorded
        assertThat(mvc.get().uri("/cases/{id}/texts.csv", 999_999).with(user(as(casey))))
                .hasStatus(HttpStatus.NOT_FOUND);

        assertThat(jdbc.queryForList("select staff_id, kind, case_id, client_id from export_records order by id"))
                .containsExactly(
                        Map.of("staff_id", casey.getId(), "kind", "CSV", "case_id", rentalCase.getId(),
                                "client_id", jordan.getId()),
                        Map.of("staff_id", casey.getId(), "kind", "PRINT", "case_id", rentalCase.getId(),
                                "client_id", jordan.getId()));
        jdbc.update("update export_records set opened_at = timestamp with time zone '2026-12-01 14:30:55+00' where kind = 'CSV'");
        jdbc.update("update export_records set opened_at = timestamp with time zone '2026-12-01 15:00:00+00' where kind = 'PRINT'");

        String html = page("/admin/exports", ada);
        String staff = casey.getDisplayName() + " (" + casey.getUsername() + ")";
        assertThat(html).containsSubsequence(
                "12/1/2026 10:00:00 AM", staff, "Printable page", "16E-20010101", "Jordan Avery",
                "12/1/2026 9:30:55 AM", staff, "CSV export", "16E-20010101", "Jordan Avery");
        assertThat(html).contains("href=\"/cases/" + rentalCase.getId() + "\"", "href=\"/clients/" + jordan.getId() + "\"");
        assertThat(html).contains("href=\"/admin/exports\"", "href=\"/admin/retention\"");
    }

    @Test
    void theExportRecordIsPagedFiftyToAPage() throws Exception {
        jdbc.update("""
                insert into export_records (staff_id, opened_at, kind, case_id, client_id)
                select ?, timestamp with time zone '2026-12-01 00:00:00+00' + n * interval '1 minute', 'CSV', ?, ?
                from generate_series(1, 51) as n""", casey.getId(), rentalCase.getId(), jordan.getId());

        // newest first: 00:51 UTC (7:51 PM in New York the day before) on page 1, 00:01 UTC on page 2 only
        String first = page("/admin/exports", ada);
        assertThat(first).contains("Page 1 of 2", "11/30/2026 7:51:00 PM").doesNotContain("11/30/2026 7:01:00 PM");
        assertThat(first.split("<td>CSV export</td>", -1)).hasSize(51);
        String second = page("/admin/exports?page=2", ada);
        assertThat(second).contains("Page 2 of 2", "11/30/2026 7:01:00 PM");
        assertThat(second.split("<td>CSV export</td>", -1)).hasSize(2);
    }
}
