package org.textdesk.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.textdesk.IntegrationTest;
import org.textdesk.QueryPlans;
import org.textdesk.SqlStatements;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.staff.Staff;

/**
 * Per-person read state among 100,000 texts: Casey has read Jordan's 60,000-text timeline up to its last ten (five of
 * them incoming) and never opened Sam's 40,000 (three incoming texts there nobody has read). My inbox and its count
 * read a short range per marked client and the few texts nobody has read, never a timeline; pages run the same
 * statements with a big timeline as with a small one.
 */
class PerPersonReadStateAtScaleTest extends IntegrationTest {

    /**
     * My inbox: the list, the colleagues away whom I cover for (issue 21 point 1), the navigation's two unread counts
     * (Incoming, My inbox), whether caseloads are restricted (read once a request); and the account, re-read on
     * every request (staff.CurrentStaffFilter).
     */
    private static final int MAX_INBOX_STATEMENTS = 6;

    /**
     * The conversation: the account; the reply box's client, cases (twice), Quick Entry, language, Twilio Setup
     * (twice), the client's flags and time zone, one plain statement; the thread and its files; the read state (one
     * statement) and its read event; the navigation's two counts; whether caseloads are restricted (read once a
     * request) and the record of an open through coverage (issue 21 point 1: one insert that writes nothing when I
     * cover for nobody).
     */
    private static final int MAX_CONVERSATION_STATEMENTS = 19;

    @Autowired
    ClientService clientService;

    Staff casey;
    Staff robin;
    Client jordan;
    Client sam;
    Client dana;

    @BeforeEach
    void aHundredThousandTexts() {
        casey = newCaseworker();
        robin = newCaseworker();
        jordan = ClientFixture.client("Jordan", "Avery").cell("404", "538-7319").safe(true).okayToText(true)
                .create(clientService, as(casey));
        sam = ClientFixture.client("Sam", "Carter").cell("404", "555-0199").safe(true).okayToText(true)
                .create(clientService, as(casey));
        dana = ClientFixture.client("Dana", "Brooks").cell("678", "555-0123").safe(true).okayToText(true)
                .create(clientService, as(robin));
        // Text g of a client: incoming when g is even, one minute apart; every one read by someone, but Sam's
        // 39,990th, 39,994th and 39,998th. Dana (Robin's) has two nobody has read.
        insertTexts(jordan, 60_000, 0);
        insertTexts(sam, 40_000, 1);
        insertTexts(dana, 10, 2);
        jdbc.update("update text_messages set read_at = null where body in ('Sam 39990', 'Sam 39994', 'Sam 39998',"
                + " 'Dana 2', 'Dana 4')");
        jdbc.update("""
                insert into client_texts (client_id, text_message_id, created_at)
                select c.id, m.id, m.created_at from text_messages m
                join clients c on m.body like c.first_name || ' %'""");
        // Casey read Jordan's timeline up to text 59,990.
        jdbc.update("""
                insert into inbox_read_marks (staff_id, client_id, through_created_at, through_text_id, marked_at)
                select ?, ?, created_at, id, now() from text_messages where body = 'Jordan 59990'""",
                casey.getId(), jordan.getId());
        jdbc.execute("vacuum analyze text_messages");
        jdbc.execute("vacuum analyze client_texts");
        jdbc.execute("vacuum analyze inbox_read_marks");
        // the three clients too, so that the plans do not depend on what an earlier test left in the statistics (in
        // one order of the tests, and always with these, the count read 50,060 rows until MyInbox fenced its lookup)
        jdbc.execute("analyze clients");
        jdbc.execute("analyze staff");
    }

    private void insertTexts(Client client, int count, int offsetMinutes) {
        jdbc.update("""
                insert into text_messages (direction, client_id, to_number, from_number, body, status, status_rank,
                                           created_at, status_changed_at, read_at)
                select case when g % 2 = 0 then 'INBOUND' else 'OUTBOUND' end, ?, '+14044764365', '+14044764365',
                       ? || ' ' || g, 'delivered', 3,
                       timestamp with time zone '2016-01-01 00:00:00+00' + (g * 3 + ?) * interval '1 minute',
                       timestamp with time zone '2016-01-01 00:00:00+00' + (g * 3 + ?) * interval '1 minute',
                       case when g % 2 = 0 then now() end
                from generate_series(1, ?) g""", client.getId(), client.getFirstName(), offsetMinutes, offsetMinutes,
                count);
    }

    @Test
    void myInboxShowsWhatIsUnreadForMeAndCountsItWithAFewStatements() {
        SqlStatements.Counted<String> caseys = countedGet("/inbox", casey);
        assertThat(caseys.result()).contains("8 unread", "Jordan 59992", "Jordan 60000", "Sam 39990", "Sam 39998")
                .doesNotContain("Jordan 59990<", "Sam 39992", "Dana 2");
        SqlStatements.Counted<String> robins = countedGet("/inbox", robin);
        assertThat(robins.result()).contains("2 unread", "Dana 4");
        assertThat(caseys.count()).as(String.join("\n", caseys.statements())).isLessThanOrEqualTo(MAX_INBOX_STATEMENTS)
                .isEqualTo(robins.count());
    }

    @Test
    void theCountReadsAShortRangePerMarkedClientNeverATimeline() {
        String count = MyInbox.unreadCountSql(true);
        assertThat(QueryPlans.explain(jdbc, count, casey.getId(), casey.getId(), 1_001))
                .doesNotContain("Seq Scan on text_messages", "Seq Scan on client_texts");
        // Jordan's ten texts after the mark and the texts nobody has read (five), with their links and clients.
        assertThat(QueryPlans.rowsRead(jdbc, count, casey.getId(), casey.getId(), 1_001))
                .as(jdbc.queryForList("explain analyze " + count, String.class, casey.getId(), casey.getId(), 1_001)
                        .toString()).isLessThanOrEqualTo(100);
        assertThat(QueryPlans.rowsRead(jdbc, MyInbox.unreadPageSql(true), casey.getId(), casey.getId(), MyInbox.SHOWN))
                .isLessThanOrEqualTo(100);
    }

    @Test
    void openingABigOrASmallThreadRunsTheSameStatements() {
        SqlStatements.Counted<String> big = countedGet("/clients/" + sam.getId() + "/conversation", casey);
        SqlStatements.Counted<String> small = countedGet("/clients/" + dana.getId() + "/conversation", robin);
        assertThat(big.count()).as(String.join("\n", big.statements()))
                .isLessThanOrEqualTo(MAX_CONVERSATION_STATEMENTS).isEqualTo(small.count());
        assertThat(countedGet("/inbox", casey).result()).contains("5 unread").doesNotContain("Sam 39998");
    }
}
