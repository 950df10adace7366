package org.textdesk.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.textdesk.FakeTwilio;
import org.textdesk.IntegrationTest;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.staff.Staff;
import org.textdesk.texts.TextingData;
import org.textdesk.twiliosetup.TwilioSetupFixture;

/**
 * "Delete texts at Twilio after delivery": each text in a final status is deleted at Twilio once, through the SDK
 * (FakeTwilio checks each DELETE against Twilio's API description), recorded on the text, and tried again later
 * after a temporary failure; texts not final yet are left alone.
 */
class TwilioDeletionTest extends IntegrationTest {

    static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    static final String ACCOUNT = TwilioSetupFixture.ACCOUNT_SID;

    @Autowired
    RetentionSettings settings;

    @Autowired
    BodyRedaction redaction;

    @Autowired
    TwilioDeletion twilioDeletion;

    @Autowired
    ClientService clientService;

    TextingData data;
    Staff casey;
    Client jordan;

    @BeforeEach
    void twilioDeletesOn() {
        configureTwilio();
        fakeTwilio.acceptMessageDeletes();
        data = new TextingData(jdbc);
        casey = newCaseworker();
        jordan = ClientFixture.client("Jordan", "Avery").cell("404", "538-7319").safe(true).okayToText(true)
                .create(clientService, as(casey));
        settings.change(new RetentionPolicy(KeepMonths.FOREVER, true), newAdmin().getId());
    }

    RetentionRun runAt(Instant now) {
        return new RetentionRun(settings, redaction, twilioDeletion, Clock.fixed(now, ZoneOffset.UTC));
    }

    static String sid(int n) {
        return String.format("SM%032x", n);
    }

    long sent(int n, String status) {
        long id = data.outboundText().toClient(jordan.getId(), "+14045387319").sentBy(casey.getId())
                .body("Text " + n).status(status).sentAt(Instant.parse("2026-11-30T10:00:00Z")).insert();
        jdbc.update("update text_messages set twilio_sid = ? where id = ?", sid(n), id);
        return id;
    }

    long received(int n) {
        long id = data.incoming("+14045387319", "Reply " + n, Instant.parse("2026-11-30T11:00:00Z"), jordan.getId());
        jdbc.update("update text_messages set twilio_sid = ? where id = ?", sid(n), id);
        return id;
    }

    static String path(int n) {
        return "/2010-04-01/Accounts/" + ACCOUNT + "/Messages/" + sid(n) + ".json";
    }

    List<String> deletesAsked() {
        return fakeTwilio.requests("DELETE", FakeTwilio.MESSAGE_PATH).stream().map(FakeTwilio.RecordedRequest::path)
                .toList();
    }

    OffsetDateTime deletedAt(long id) {
        return jdbc.queryForObject("select deleted_at_twilio_at from text_messages where id = ?", OffsetDateTime.class,
                id);
    }

    @Test
    void eachTextInAFinalStatusIsDeletedAtTwilioOnceAndTheOthersAreLeftAlone() {
        long delivered = sent(1, "delivered");
        long undelivered = sent(2, "undelivered");
        long failed = sent(3, "failed");
        long read = sent(4, "read");
        long incoming = received(5);
        long onItsWay = sent(6, "sent");
        long queued = sent(7, "queued");
        long canceled = sent(8, "canceled");
        long notSent = data.outboundText().toClient(jordan.getId(), "+14045387319").sentBy(casey.getId())
                .body("Never reached Twilio").status("not_sent").sentAt(Instant.parse("2026-11-30T10:00:00Z")).insert();
        long pictureAwaited = received(9);
        jdbc.update("""
                insert into text_media (text_message_id, position, twilio_url, declared_type, state, next_attempt_at)
                values (?, 0, 'https://api.twilio.com/2010-04-01/Accounts/AC0/Messages/MM0/Media/ME0', 'image/png',
                    'PENDING', now() + interval '1 day')""", pictureAwaited);

        RetentionRun.Outcome outcome = runAt(NOW).run();

        assertThat(outcome.atTwilio()).isEqualTo(new TwilioDeletion.Deleted(5, 0));
        assertThat(outcome.removed()).isNull();
        assertThat(deletesAsked()).containsExactlyInAnyOrder(path(1), path(2), path(3), path(4), path(5));
        assertThat(fakeTwilio.requests("DELETE", FakeTwilio.MESSAGE_PATH))
                .allSatisfy(request -> assertThat(request.basicUsername()).isEqualTo(ACCOUNT));
        for (long deleted : List.of(delivered, undelivered, failed, read, incoming)) {
            assertThat(deletedAt(deleted)).as("text %d", deleted).isEqualTo(NOW.atOffset(ZoneOffset.UTC));
        }
        for (long left : List.of(onItsWay, queued, canceled, notSent, pictureAwaited)) {
            assertThat(deletedAt(left)).as("text %d", left).isNull();
        }
        // TextDesk keeps its own record of a text deleted at Twilio
        assertThat(jdbc.queryForObject("select body from text_messages where id = ?", String.class, delivered))
                .isEqualTo("Text 1");

        // the next day: nothing is deleted twice; the text that became delivered meanwhile is deleted now
        jdbc.update("update text_messages set status = 'delivered', status_rank = 3 where id = ?", onItsWay);
        assertThat(runAt(NOW.plus(Duration.ofDays(1))).run().atTwilio()).isEqualTo(new TwilioDeletion.Deleted(1, 0));
        assertThat(deletesAsked()).hasSize(6).containsOnlyOnce(path(6)).containsOnlyOnce(path(1));
    }

    @Test
    void aTemporaryFailureIsTriedAgainLaterAndAMessageTwilioDoesNotKnowCountsAsDeleted() {
        long busy = sent(1, "delivered");
        long unknownAtTwilio = sent(2, "delivered");
        fakeTwilio.answer("DELETE", path(1), FakeTwilio.Answer.twilioError(503, 20503, "Service unavailable"));
        fakeTwilio.answer("DELETE", path(2), FakeTwilio.Answer.twilioError(404, 20404, "Not found"));

        assertThat(runAt(NOW).run().atTwilio()).isEqualTo(new TwilioDeletion.Deleted(1, 1));

        assertThat(deletedAt(busy)).isNull();
        assertThat(jdbc.queryForMap("""
                select twilio_delete_failures, twilio_delete_next_at from text_messages where id = ?""", busy))
                .containsEntry("twilio_delete_failures", 1);
        assertThat(jdbc.queryForObject("select twilio_delete_next_at from text_messages where id = ?",
                OffsetDateTime.class, busy)).isEqualTo(Instant.parse("2026-12-02T18:00:00Z").atOffset(ZoneOffset.UTC));
        assertThat(deletedAt(unknownAtTwilio)).isEqualTo(NOW.atOffset(ZoneOffset.UTC));

        // an hour later it is not due yet; the next day Twilio answers and it is deleted
        assertThat(runAt(NOW.plus(Duration.ofHours(1))).run().atTwilio()).isEqualTo(new TwilioDeletion.Deleted(0, 0));
        fakeTwilio.acceptMessageDeletes();
        assertThat(runAt(NOW.plus(Duration.ofDays(1))).run().atTwilio()).isEqualTo(new TwilioDeletion.Deleted(1, 0));
        assertThat(deletedAt(busy)).isEqualTo(NOW.plus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC));
        assertThat(deletesAsked()).containsExactly(path(1), path(2), path(1));
    }

    @Test
    void nothingIsDeletedAtTwilioWhileTheOptionIsOff() {
        sent(1, "delivered");
        received(2);
        settings.change(new RetentionPolicy(KeepMonths.FOREVER, false), newAdmin().getId());

        assertThat(runAt(NOW).run().atTwilio()).isNull();

        assertThat(deletesAsked()).isEmpty();
    }

    @Test
    void twoInstancesRunningAtOnceDeleteEachTextOnce() throws Exception {
        for (int n = 1; n <= 40; n++) {
            sent(n, "delivered");
        }
        // slow answers, so that both runs are at work at once
        fakeTwilio.on("DELETE", FakeTwilio.MESSAGE_PATH, call -> fakeTwilio.authorized(call)
                ? FakeTwilio.Answer.json(204, "").delayedBy(Duration.ofMillis(20)) : FakeTwilio.authenticateError());
        CyclicBarrier together = new CyclicBarrier(2);

        CompletableFuture<RetentionRun.Outcome> one = CompletableFuture.supplyAsync(() -> {
            RetentionRunTest.await(together);
            return runAt(NOW).run();
        });
        CompletableFuture<RetentionRun.Outcome> other = CompletableFuture.supplyAsync(() -> {
            RetentionRunTest.await(together);
            return runAt(NOW).run();
        });

        assertThat(one.get().atTwilio().deleted() + other.get().atTwilio().deleted()).isEqualTo(40);
        assertThat(deletesAsked()).hasSize(40).doesNotHaveDuplicates();
        assertThat(jdbc.queryForObject("select count(*) from text_messages where deleted_at_twilio_at is not null",
                Long.class)).isEqualTo(40L);
    }
}
