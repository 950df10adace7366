package org.textdesk.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.textdesk.IntegrationTest;
import org.textdesk.SqlStatements;
import org.textdesk.cases.CaseRecord;
import org.textdesk.cases.CaseService;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.staff.Staff;

/**
 * A case with 5,000 texts (and its client with 500 more from them): each page shows one page of texts
 * with the same handful of SQL statements as for a case with three texts, so nothing runs per row.
 */
class TextsAtScaleTest extends IntegrationTest {

    /**
     * What one page may run at most: client, cases, count, page, the page's files, mark read, the navigation's
     * two unread counts (Incoming, My inbox), whether caseloads are restricted (read once a request);
     * and the account, re-read on every request (staff.CurrentStaffFilter).
     */
    private static final int MAX_STATEMENTS = 10;

    /**
     * The client record also reads its caseload: the staff list (caseworker and choices) and the history; and its
     * appointments from today on (one statement; their reminders only when there are some); and the record of an
     * open through coverage (one insert that writes nothing when the reader covers for nobody).
     */
    private static final int MAX_RECORD_STATEMENTS = MAX_STATEMENTS + 4;
    /** Incoming also reads which of its texts answered an appointment reminder: one statement. */
    private static final int MAX_INCOMING_STATEMENTS = 9;
    /**
     * A client's Texts also lists the client's texts waiting to go (reminders): one statement, whatever the page; and
     * when it moves the staff member's own read mark (per-person read state), the read event for their other pages;
     * and the record of an open through coverage.
     */
    private static final int MAX_CLIENT_PAGE_STATEMENTS = MAX_STATEMENTS + 3;

    @Autowired
    ClientService clientService;

    @Autowired
    CaseService caseService;

    Staff casey;
    Client jordan;
    CaseRecord bigCase;
    CaseRecord smallCase;
    Client sam;

    @BeforeEach
    void aCaseWith5000Texts() {
        casey = newCaseworker();
        jordan = ClientFixture.client("Jordan", "Avery").cell("404", "538-7319").safe(true).okayToText(true)
                .create(clientService, as(casey));
        bigCase = caseService.openCase(jordan.getId(), "16E-20010101", "Rental assistance", LocalDate.of(2016, 1, 1),
                null);
        insertTexts(jordan, bigCase, 5_000);
        jdbc.update("""
                insert into text_messages (direction, to_number, from_number, body, status, status_rank, created_at,
                                           status_changed_at)
                select 'INBOUND', '+14044764365', '+14045387319', 'Reply ' || n, 'received', 3,
                       timestamp with time zone '2016-01-02 00:00:30+00' + n * interval '10 minutes',
                       timestamp with time zone '2016-01-02 00:00:30+00' + n * interval '10 minutes'
                from generate_series(1, 500) as n""");
        jdbc.update("""
                insert into client_texts (client_id, text_message_id, created_at)
                select ?, id, created_at from text_messages where direction = 'INBOUND'""", jordan.getId());
        jdbc.update("""
                insert into message_status_events (text_message_id, status, reported_at, received_at)
                select id, s.status, created_at, created_at from text_messages
                cross join (values ('queued'), ('sent'), ('delivered')) as s (status)
                where direction = 'OUTBOUND'""");
        sam = ClientFixture.client("Sam", "Carter").cell("404", "538-7320").safe(true).okayToText(true)
                .create(clientService, as(casey));
        smallCase = caseService.openCase(sam.getId(), "16E-20010102", "Small", LocalDate.of(2016, 1, 1), null);
        insertTexts(sam, smallCase, 3);
        jdbc.execute("analyze");
        assertThat(jdbc.queryForObject("select count(*) from text_messages where case_id = ?", Integer.class,
                bigCase.getId())).isEqualTo(5_000);
    }

    @Test
    void theTextsPagesRunTheSameFewStatementsForFiveThousandTextsAsForThree() {
        SqlStatements.Counted<String> bigCasePage = get("/cases/" + bigCase.getId() + "/texts");
        SqlStatements.Counted<String> smallCasePage = get("/cases/" + smallCase.getId() + "/texts");
        assertThat(TextsPagesTest.rowIds(bigCasePage.result())).hasSize(25);
        assertThat(bigCasePage.result()).contains("Page 1 of 220", "5,500 texts, newest first", "Reply 500<");
        assertThat(TextsPagesTest.rowIds(smallCasePage.result())).hasSize(3);
        assertThat(bigCasePage.count()).as(String.join("\n", bigCasePage.statements()))
                .isLessThanOrEqualTo(MAX_STATEMENTS).isEqualTo(smallCasePage.count());

        SqlStatements.Counted<String> deepPage = get("/cases/" + bigCase.getId() + "/texts?page=150");
        assertThat(TextsPagesTest.rowIds(deepPage.result())).hasSize(25);
        assertThat(deepPage.count()).isEqualTo(bigCasePage.count());

        SqlStatements.Counted<String> clientPage = get("/clients/" + jordan.getId() + "/texts");
        SqlStatements.Counted<String> smallClientPage = get("/clients/" + sam.getId() + "/texts");
        assertThat(TextsPagesTest.rowIds(clientPage.result())).hasSize(25);
        assertThat(clientPage.count()).as(String.join("\n", clientPage.statements()))
                .isLessThanOrEqualTo(MAX_CLIENT_PAGE_STATEMENTS).isEqualTo(smallClientPage.count());
        SqlStatements.Counted<String> filtered = get("/clients/" + jordan.getId() + "/texts?caseId="
                + bigCase.getId() + "&page=7");
        assertThat(TextsPagesTest.rowIds(filtered.result())).hasSize(25);
        assertThat(filtered.count()).isLessThanOrEqualTo(MAX_CLIENT_PAGE_STATEMENTS);
    }

    @Test
    void theClientPagesAndIncomingAlsoStayBounded() {
        SqlStatements.Counted<String> list = get("/clients");
        assertThat(list.result()).contains("Avery, Jordan", "Carter, Sam");
        assertThat(list.count()).as(String.join("\n", list.statements())).isLessThanOrEqualTo(MAX_STATEMENTS);

        SqlStatements.Counted<String> record = get("/clients/" + jordan.getId());
        assertThat(record.result()).contains("500 unread texts from this client");
        assertThat(record.count()).as(String.join("\n", record.statements()))
                .isLessThanOrEqualTo(MAX_RECORD_STATEMENTS);

        SqlStatements.Counted<String> incoming = get("/incoming");
        assertThat(TextsPagesTest.rowIds(incoming.result())).hasSize(25);
        assertThat(incoming.count()).as(String.join("\n", incoming.statements()))
                .isLessThanOrEqualTo(MAX_INCOMING_STATEMENTS);

        long someText = jdbc.queryForObject("select max(id) from text_messages where case_id = ?", Long.class,
                bigCase.getId());
        SqlStatements.Counted<String> status = get("/texts/" + someText + "/status");
        // the account, whether caseloads are restricted, the text, its status history
        assertThat(status.count()).as(String.join("\n", status.statements())).isLessThanOrEqualTo(4);
    }

    @Test
    void theWholeCaseExportsInAFewStatements() {
        SqlStatements.Counted<String> csv = get("/cases/" + bigCase.getId() + "/texts.csv");
        assertThat(CaseTextsExportTest.Rfc4180.parse(csv.result().substring(1))).hasSize(5_501);
        // ... and the record of the export opened (retention.ExportRecords), written before it is served; and whether
        // caseloads are restricted.
        assertThat(csv.count()).as(String.join("\n", csv.statements())).isLessThanOrEqualTo(8);
    }

    private void insertTexts(Client client, CaseRecord caseRecord, int count) {
        jdbc.update("""
                insert into text_messages (direction, client_id, case_id, to_number, from_number, body, status,
                                           status_rank, sent_by, created_at, status_changed_at)
                select 'OUTBOUND', ?, ?, ?, '+14044764365', 'Text ' || n, 'delivered', 3, ?,
                       timestamp with time zone '2016-01-02 00:00:00+00' + n * interval '1 minute',
                       timestamp with time zone '2016-01-02 00:00:00+00' + n * interval '1 minute'
                from generate_series(1, ?) as n""", client.getId(), caseRecord.getId(), client.getCellE164(),
                casey.getId(), count);
        jdbc.update("""
                insert into client_texts (client_id, text_message_id, created_at)
                select client_id, id, created_at from text_messages where client_id = ? and direction = 'OUTBOUND'""",
                client.getId());
    }

    private SqlStatements.Counted<String> get(String uri) {
        long started = System.nanoTime();
        SqlStatements.Counted<String> counted = countedGet(uri, casey);
        System.out.printf("%s: %d SQL statements, %d ms%n", uri, counted.count(),
                (System.nanoTime() - started) / 1_000_000);
        return counted;
    }
}
