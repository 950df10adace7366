package org.textdesk.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.textdesk.IntegrationTest;
import org.textdesk.SqlStatements;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.staff.Staff;

/**
 * A client with 5,500 texts both ways (500 incoming, every tenth with a picture) and one with 4: the conversation
 * shows its newest 50 with the same statements for both, so nothing runs per text (issue 22).
 */
class ConversationAtScaleTest extends IntegrationTest {

    private static final Pattern BUBBLE = Pattern.compile("id=\"text-\\d+\"");

    @Autowired
    ClientService clientService;

    Staff casey;
    Client jordan;
    Client sam;

    @BeforeEach
    void aClientWith5500TextsAndOneWith4() {
        casey = newCaseworker();
        jordan = ClientFixture.client("Jordan", "Avery").cell("404", "538-7319").safe(true).okayToText(true)
                .create(clientService, as(casey));
        sam = ClientFixture.client("Sam", "Carter").cell("404", "538-7320").safe(true).okayToText(true)
                .create(clientService, as(casey));
        texts(jordan, 5_000, 500);
        texts(sam, 3, 1);
        jdbc.update("""
                insert into text_media (text_message_id, position, twilio_url, declared_type, state, content_type,
                                        size_bytes, content, attempts, next_attempt_at, fetched_at)
                select id, 0, 'https://api.twilio.com/2010-04-01/Accounts/AC/Messages/MM' || id || '/Media/ME' || id,
                       'image/jpeg', 'STORED', 'image/jpeg', 4, '\\xffd8ffe0'::bytea, 1, created_at, created_at
                from text_messages where direction = 'INBOUND' and id % 10 = 0""");
        jdbc.update("update text_messages set num_media = 1 where direction = 'INBOUND' and id % 10 = 0");
        jdbc.execute("analyze");
    }

    @Test
    void theConversationRunsTheSameStatementsForFiveThousandTextsAsForFour() {
        SqlStatements.Counted<String> big = get("/clients/" + jordan.getId() + "/conversation");
        SqlStatements.Counted<String> small = get("/clients/" + sam.getId() + "/conversation");
        assertThat(BUBBLE.matcher(big.result()).results().count()).isEqualTo(50);
        assertThat(BUBBLE.matcher(small.result()).results().count()).isEqualTo(4);
        // The account, whether caseloads are restricted, the client and its cases (read twice: the page's and Send
        // Text's form), Quick Entry, the client's language, Twilio Setup (twice: the form's and the one-SMS
        // rule's), the client's texting summary, its time zone, the thread, the thread's pictures, marking read
        // (the reader's own mark, then the texts) and its notice to the reader's other pages, the record of an
        // open through coverage, the navigation's two unread counts: 19 for 5,500 texts as for 4.
        assertThat(big.count()).as(String.join("\n", big.statements())).isEqualTo(19);
        assertThat(small.count()).as(String.join("\n", small.statements())).isEqualTo(19);

        // Opened again, with nothing left unread: the same statements but the notice (nothing was marked read).
        SqlStatements.Counted<String> again = get("/clients/" + jordan.getId() + "/conversation");
        assertThat(BUBBLE.matcher(again.result()).results().count()).isEqualTo(50);
        assertThat(again.count()).as(String.join("\n", again.statements())).isEqualTo(18);
        assertThat(again.statements()).noneMatch(sql -> sql.contains("pg_notify"));
    }

    /** {@code outgoing} texts to the client and {@code incoming} from them (unread), one a minute, both linked. */
    private void texts(Client client, int outgoing, int incoming) {
        jdbc.update("""
                insert into text_messages (direction, client_id, to_number, from_number, body, status, status_rank,
                                           sent_by, created_at, status_changed_at)
                select 'OUTBOUND', ?, ?, '+14044764365', 'Text ' || n, 'delivered', 3, ?,
                       timestamp with time zone '2016-01-02 00:00:00+00' + n * interval '1 minute',
                       timestamp with time zone '2016-01-02 00:00:00+00' + n * interval '1 minute'
                from generate_series(1, ?) as n""", client.getId(), client.getCellE164(), casey.getId(), outgoing);
        jdbc.update("""
                insert into text_messages (direction, to_number, from_number, body, status, status_rank, created_at,
                                           status_changed_at)
                select 'INBOUND', '+14044764365', ?, 'Reply ' || n, 'received', 3,
                       timestamp with time zone '2016-01-02 00:00:30+00' + n * interval '10 minutes',
                       timestamp with time zone '2016-01-02 00:00:30+00' + n * interval '10 minutes'
                from generate_series(1, ?) as n""", client.getCellE164(), incoming);
        jdbc.update("""
                insert into client_texts (client_id, text_message_id, created_at)
                select ?, id, created_at from text_messages
                where client_id = ? or (direction = 'INBOUND' and from_number = ?)""", client.getId(), client.getId(),
                client.getCellE164());
    }

    private SqlStatements.Counted<String> get(String uri) {
        SqlStatements.Counted<String> counted = countedGet(uri, casey);
        System.out.printf("%s: %d SQL statements%n", uri, counted.count());
        return counted;
    }
}
