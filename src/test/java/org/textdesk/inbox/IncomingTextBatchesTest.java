package org.textdesk.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.textdesk.IntegrationTest;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.inbox.IncomingTextRows.IncomingRow;
import org.textdesk.inbox.IncomingTextRows.Stored;

/**
 * Ordinary incoming texts stored together (group commit on PostgreSQL) as one by one: each MessageSid once,
 * linked to every client with the sender's cell, the unknown-number mark exact, and a bad text fails alone.
 */
class IncomingTextBatchesTest extends IntegrationTest {

    static final String TWILIO_NUMBER = "+14044764365";

    @Autowired
    IncomingTextRows rows;

    @Autowired
    IncomingTextBatches batches;

    @Autowired
    ClientService clientService;

    Client jordan;
    Client riley;

    @BeforeEach
    void twoClientsShareACell() {
        var casey = as(newCaseworker());
        jordan = ClientFixture.client("Jordan", "Avery").cell("404", "538-7319").safe(true).okayToText(true)
                .create(clientService, casey);
        riley = ClientFixture.client("Riley", "Avery").cell("404", "538-7319").safe(true).okayToText(true)
                .create(clientService, casey);
    }

    @Test
    void oneBatchStoresEachTextOnceWithItsClientLinks() {
        Instant now = Instant.parse("2026-11-25T10:15:30Z");
        String shared = "+14045387319";
        String before = "SM" + "0".repeat(31) + "1";
        rows.storeLinked(List.of(new IncomingRow(before, shared, TWILIO_NUMBER, "Earlier", shared, now)));

        List<Stored> stored = rows.storeLinked(List.of(
                new IncomingRow("SM" + "a".repeat(32), shared, TWILIO_NUMBER, "Running late", shared, now),
                new IncomingRow("SM" + "b".repeat(32), "+14155550123", TWILIO_NUMBER, "Who is this?",
                        "+14155550123", now),
                new IncomingRow(before, shared, TWILIO_NUMBER, "Earlier", shared, now),
                new IncomingRow("SM" + "a".repeat(32), shared, TWILIO_NUMBER, "Running late", shared, now),
                new IncomingRow("SM" + "c".repeat(32), "+447700900123", TWILIO_NUMBER, "Hi", null, now)));

        assertThat(stored.get(0).clients()).isEqualTo(2);
        assertThat(stored.get(1).clients()).isZero();
        assertThat(stored.get(2)).isNull();
        assertThat(stored.get(3)).isNull();
        assertThat(stored.get(4).clients()).isZero();
        assertThat(jdbc.queryForList("select twilio_sid || ' ' || body || ' ' || unknown_number from text_messages"
                + " order by id", String.class)).containsExactly(before + " Earlier false",
                        "SM" + "a".repeat(32) + " Running late false", "SM" + "b".repeat(32) + " Who is this? true",
                        "SM" + "c".repeat(32) + " Hi true");
        assertThat(jdbc.queryForList("select client_id from client_texts where text_message_id = ? order by client_id",
                Long.class, stored.get(0).messageId())).containsExactly(jordan.getId(), riley.getId());
        assertThat(jdbc.queryForObject("select count(*) from client_texts", Integer.class)).isEqualTo(4);
    }

    @Test
    void textsPostedTogetherAreAllStoredAndABadOneFailsAlone() throws Exception {
        int callers = 40;
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CyclicBarrier together = new CyclicBarrier(callers);
            List<Future<Optional<Stored>>> answers = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                String sid = "SM%032x".formatted(0x7000 + i);
                // A To longer than its column: the database refuses this text.
                String to = i == 9 ? "+1404476436512345678901" : TWILIO_NUMBER;
                answers.add(pool.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    return batches.store(new IncomingRow(sid, "+14045387319", to, "Text " + sid, "+14045387319",
                            Instant.now()));
                }));
            }
            for (int i = 0; i < callers; i++) {
                Future<Optional<Stored>> answer = answers.get(i);
                if (i == 9) {
                    assertThat(catchThrowable(() -> answer.get(60, TimeUnit.SECONDS)))
                            .hasCauseInstanceOf(DataAccessException.class);
                } else {
                    assertThat(answer.get(60, TimeUnit.SECONDS)).hasValueSatisfying(
                            stored -> assertThat(stored.clients()).isEqualTo(2));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(jdbc.queryForObject("select count(*) from text_messages", Integer.class)).isEqualTo(callers - 1);
        assertThat(jdbc.queryForObject("select count(*) from text_messages where twilio_sid = ?", Integer.class,
                "SM%032x".formatted(0x7000 + 9))).isZero();
        assertThat(jdbc.queryForObject("select count(*) from client_texts", Integer.class)).isEqualTo(2 * (callers - 1));
    }
}
