package org.textdesk.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.textdesk.IntegrationTest;
import org.textdesk.texts.StatusHistory.SidReport;
import org.textdesk.texts.StatusHistory.SidStatus;
import org.textdesk.texts.StatusHistory;
import org.textdesk.texts.TextMessageRows;

/**
 * Status reports written together (group commit on PostgreSQL) follow the same rules as one by one: each
 * (text, status) once, the current status only up the ranks and the first of equal ranks kept, and a bad
 * report fails only its own caller.
 */
class StatusReportBatchesTest extends IntegrationTest {

    @Autowired
    StatusHistory statusHistory;

    @Autowired
    StatusReportBatches batches;

    @Test
    void oneBatchKeepsTheRulesOfReportsArrivingOneByOne() {
        long first = text("SM" + "a".repeat(32));
        long second = text("SM" + "b".repeat(32));
        long third = text("SM" + "c".repeat(32));
        Instant handset = Instant.parse("2026-11-25T10:15:30Z");

        List<SidReport> outcomes = statusHistory.recordBySids(List.of(
                new SidStatus("SM" + "a".repeat(32), "sent", null, null),
                new SidStatus("SM" + "f".repeat(32), "delivered", null, null),
                new SidStatus("SM" + "a".repeat(32), "undelivered", "30003", handset),
                new SidStatus("SM" + "a".repeat(32), "delivered", null, null),
                new SidStatus("SM" + "b".repeat(32), "queued", null, null),
                new SidStatus("SM" + "b".repeat(32), "sending", null, handset),
                new SidStatus("SM" + "c".repeat(32), "sent", "30007", null),
                new SidStatus("SM" + "c".repeat(32), "delivered", null, null)));

        assertThat(outcomes).containsExactly(new SidReport(first, null, true), null,
                new SidReport(first, null, true), new SidReport(first, null, true),
                new SidReport(second, null, false), new SidReport(second, null, true),
                new SidReport(third, null, true), new SidReport(third, null, true));
        assertThat(history(first)).containsExactly("queued", "sent", "undelivered", "delivered");
        assertThat(current(first)).isEqualTo("undelivered/3/30003");
        assertThat(history(second)).containsExactly("queued", "sending");
        assertThat(current(second)).isEqualTo("sending/1/-");
        assertThat(jdbc.queryForObject("""
                select reported_at from message_status_events where text_message_id = ? and status = 'sending'""",
                OffsetDateTime.class, second)).isEqualTo(handset.atOffset(ZoneOffset.UTC));
        assertThat(current(third)).isEqualTo("delivered/3/30007");
    }

    @Test
    void reportsPostedTogetherAreAllWrittenAndABadOneFailsAlone() throws Exception {
        int callers = 40;
        List<Long> texts = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            texts.add(text("SM%032x".formatted(0x5000 + i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CyclicBarrier together = new CyclicBarrier(callers);
            List<Future<Optional<SidReport>>> answers = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                String sid = "SM%032x".formatted(0x5000 + i);
                // An error code longer than its column: the database refuses this report.
                String errorCode = i == 7 ? "12345678901" : null;
                answers.add(pool.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    return batches.record(sid, "Delivered", errorCode, null, null);
                }));
            }
            for (int i = 0; i < callers; i++) {
                if (i == 7) {
                    Future<Optional<SidReport>> refused = answers.get(i);
                    assertThat(catchThrowable(() -> refused.get(60, TimeUnit.SECONDS)))
                            .hasCauseInstanceOf(DataAccessException.class);
                    assertThat(history(texts.get(i))).containsExactly("queued");
                } else {
                    assertThat(answers.get(i).get(60, TimeUnit.SECONDS)).contains(new SidReport(texts.get(i), null, true));
                    assertThat(history(texts.get(i))).containsExactly("queued", "delivered");
                    assertThat(current(texts.get(i))).isEqualTo("delivered/3/-");
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private long text(String sid) {
        return TextMessageRows.outbound(jdbc, null, null, sid, "queued", "Hello", Instant.now());
    }

    private List<String> history(long text) {
        return jdbc.queryForList("select status from message_status_events where text_message_id = ? order by id",
                String.class, text);
    }

    private String current(long text) {
        return jdbc.queryForObject("select status || '/' || status_rank || '/' || coalesce(error_code, '-')"
                + " from text_messages where id = ?", String.class, text);
    }
}
