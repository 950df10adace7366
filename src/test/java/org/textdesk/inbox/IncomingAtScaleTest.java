package org.textdesk.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.textdesk.IntegrationTest;
import org.textdesk.QueryPlans;
import org.textdesk.SqlStatements;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.history.TextsPagesTest;
import org.textdesk.staff.Staff;

/**
 * 3,000 incoming texts among 100,000 (1,200 unread and the 1,000 from unknown numbers all older than the
 * newest 1,000): the Incoming page and the navigation's unread count read a bounded stretch of an index
 * whatever the inbox holds, so they count only so far ("More than 1,000 texts", "1,000+ unread") and run
 * the same statements on every filter.
 */
class IncomingAtScaleTest extends IntegrationTest {

    /**
     * Count, page, the page's linked clients, the page's files (media), the page's answers to appointment reminders,
     * the navigation's two unread counts (Incoming, My inbox), whether caseloads are restricted (read once a
     * request); and the account, re-read on every request (staff.CurrentStaffFilter).
     */
    private static final int MAX_STATEMENTS = 9;

    @Autowired
    ClientService clientService;

    Staff casey;

    @BeforeEach
    void threeThousandIncomingAmongAHundredThousand() {
        casey = newCaseworker();
        Client jordan = ClientFixture.client("Jordan", "Avery").cell("404", "538-7319").safe(true).okayToText(true)
                .create(clientService, as(casey));
        jdbc.update("""
                insert into text_messages (direction, client_id, to_number, from_number, body, status, status_rank,
                                           sent_by, created_at, status_changed_at)
                select 'OUTBOUND', ?, '+14045387319', '+14044764365', 'Sent ' || g, 'delivered', 3, ?,
                       timestamp with time zone '2016-01-01 00:00:00+00' + g * interval '1 minute',
                       timestamp with time zone '2016-01-01 00:00:00+00' + g * interval '1 minute'
                from generate_series(1, 97000) g""", jordan.getId(), casey.getId());
        // Incoming g: unread when g % 5 < 3 but not among the newest 1,000 (1,200 unread); from an unknown
        // number (no link) when g <= 1000. Looking for either among the newest first reads 1,000 others first.
        jdbc.update("""
                insert into text_messages (direction, to_number, from_number, body, status, status_rank, created_at,
                                           status_changed_at, read_at, unknown_number)
                select 'INBOUND', '+14044764365', '+14045387319', 'Incoming ' || g, 'received', 3,
                       timestamp with time zone '2016-01-01 00:00:30+00' + g * interval '6 minutes',
                       timestamp with time zone '2016-01-01 00:00:30+00' + g * interval '6 minutes',
                       case when g % 5 < 3 and g <= 2000 then null else now() end, g <= 1000
                from generate_series(1, 3000) g""");
        jdbc.update("""
                insert into client_texts (client_id, text_message_id, created_at)
                select ?, id, created_at from text_messages where direction = 'OUTBOUND' or not unknown_number""",
                jordan.getId());
        jdbc.execute("vacuum analyze text_messages");
        jdbc.execute("vacuum analyze client_texts");
    }

    @Test
    void theIncomingPageCountsAThousandAheadAndSaysMoreThan() {
        String first = get("/incoming").result();
        assertThat(first).contains("More than 1,000 texts", "Incoming 3000<", "href=\"/incoming?show=ALL&amp;page=2\"",
                "Older texts", "1,000+ unread").doesNotContain("Page 1 of");
        assertThat(TextsPagesTest.rowIds(first)).hasSize(25);
        assertThat(get("/incoming?page=2").result()).contains("More than 1,025 texts", "Newer texts");

        String last = get("/incoming?page=120").result();
        assertThat(last).contains("3,000 texts", "Page 120 of 120", "Incoming 1<");
        assertThat(TextsPagesTest.rowIds(last)).hasSize(25);
        assertThat(get("/incoming?page=500").result()).as("past the end: the last page").contains("Page 120 of 120");

        assertThat(get("/incoming?show=UNREAD").result()).contains("More than 1,000 texts");
        assertThat(get("/incoming?show=UNKNOWN_NUMBER").result()).contains("1,000 texts", "Page 1 of 40")
                .doesNotContain("More than");
    }

    @Test
    void everyFilterRunsTheSameFewStatementsOnAnyPage() {
        List<SqlStatements.Counted<String>> pages = List.of(get("/incoming"), get("/incoming?show=UNREAD"),
                get("/incoming?show=UNKNOWN_NUMBER"), get("/incoming?page=120"),
                get("/incoming?show=UNKNOWN_NUMBER&page=3"));
        for (SqlStatements.Counted<String> page : pages) {
            assertThat(TextsPagesTest.rowIds(page.result())).hasSize(25);
            assertThat(page.count()).as(String.join("\n", page.statements())).isLessThanOrEqualTo(MAX_STATEMENTS)
                    .isEqualTo(pages.get(0).count());
        }
    }

    @Test
    void everyFilterReadsIndexesNeverAWholeTable() {
        for (IncomingFilter filter : IncomingFilter.values()) {
            String from = IncomingInbox.from(filter);
            for (String plan : List.of(
                    QueryPlans.explain(jdbc, IncomingInbox.countSql(from), IncomingInbox.COUNT_AHEAD + 1),
                    QueryPlans.explain(jdbc, IncomingInbox.pageSql(from), IncomingInbox.PAGE_SIZE, 0))) {
                assertThat(plan).as(filter.name()).contains("Index")
                        .doesNotContain("Seq Scan on text_messages", "Seq Scan on client_texts");
            }
            // What each reads: the page and its links; the count up to its limit (and its links).
            assertThat(QueryPlans.rowsRead(jdbc, IncomingInbox.pageSql(from), IncomingInbox.PAGE_SIZE, 0))
                    .as(filter.name()).isLessThanOrEqualTo(2L * IncomingInbox.PAGE_SIZE);
            assertThat(QueryPlans.rowsRead(jdbc, IncomingInbox.countSql(from), IncomingInbox.COUNT_AHEAD + 1))
                    .as(filter.name()).isLessThanOrEqualTo(2L * (IncomingInbox.COUNT_AHEAD + 1));
        }
    }

    private SqlStatements.Counted<String> get(String uri) {
        return countedGet(uri, casey);
    }
}
