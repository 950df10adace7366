package org.textdesk.retention;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.textdesk.IntegrationTest;
import org.textdesk.cases.CaseRecord;
import org.textdesk.cases.CaseService;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.staff.Staff;
import org.textdesk.texts.StatusHistory;
import org.textdesk.texts.TextingData;

/**
 * The daily retention run with its clock fixed (each run here is built with {@code Clock.fixed}, as JobLockTest
 * builds its locks): bodies and pictures older than the months kept are removed, nothing younger, the rest of the
 * record stays; forever keeps everything; two runs at once remove each body once.
 */
class RetentionRunTest extends IntegrationTest {

    static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    /** Six months before NOW. */
    static final Instant CUTOFF = Instant.parse("2026-06-02T12:00:00Z");
    static final byte[] PICTURE = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 1, 2, 3};

    @Autowired
    RetentionSettings settings;

    @Autowired
    BodyRedaction redaction;

    @Autowired
    TwilioDeletion twilioDeletion;

    @Autowired
    ClientService clientService;

    @Autowired
    CaseService caseService;

    @Autowired
    StatusHistory statusHistory;

    TextingData data;
    Staff casey;
    Staff admin;
    Client jordan;
    CaseRecord rentalCase;

    @BeforeEach
    void aClientWithACase() {
        data = new TextingData(jdbc);
        casey = newCaseworker();
        admin = newAdmin();
        jordan = ClientFixture.client("Jordan", "Avery").cell("404", "538-7319").safe(true).okayToText(true)
                .create(clientService, as(casey));
        rentalCase = caseService.openCase(jordan.getId(), "16E-20010101", "Rental assistance",
                LocalDate.of(2016, 8, 1), null);
    }

    RetentionRun runAt(Instant now) {
        return new RetentionRun(settings, redaction, twilioDeletion, Clock.fixed(now, ZoneOffset.UTC));
    }

    void keep(Integer months) {
        settings.change(new RetentionPolicy(new KeepMonths(months), false), admin.getId());
    }

    long sent(String body, Instant at) {
        return data.outboundText().toClient(jordan.getId(), "+14045387319").inCase(rentalCase.getId())
                .sentBy(casey.getId()).body(body).status("delivered").sentAt(at).insert();
    }

    long picture(long textId, String state, byte[] content) {
        return jdbc.queryForObject("""
                insert into text_media (text_message_id, position, twilio_url, declared_type, state, content_type,
                    size_bytes, content, next_attempt_at)
                values (?, 0, 'https://api.twilio.com/2010-04-01/Accounts/AC0/Messages/MM0/Media/ME0', 'image/png', ?,
                    'image/png', ?, ?, now()) returning id""", Long.class, textId, state,
                content == null ? null : content.length, content);
    }

    Map<String, Object> text(long id) {
        return jdbc.queryForMap("""
                select body, body_removed_after_months, direction, to_number, from_number, sent_by, client_id, case_id,
                    status, created_at from text_messages where id = ?""", id);
    }

    @Test
    void bodiesAndPicturesOlderThanTheMonthsAreRemovedAndWhoWhenToWhomAndStatusesStay() {
        long oldSent = sent("Your appointment is Tuesday at 10", Instant.parse("2026-03-01T15:00:00Z"));
        statusHistory.record(oldSent, "queued", null, Instant.parse("2026-03-01T15:00:00Z"));
        statusHistory.record(oldSent, "delivered", null, Instant.parse("2026-03-01T15:00:04Z"));
        long justBefore = sent("Bring your lease", CUTOFF.minusSeconds(1));
        long atCutoff = sent("Bring your ID", CUTOFF);
        long recent = sent("See you soon", Instant.parse("2026-11-20T09:00:00Z"));
        long oldIncoming = data.incoming("+14045387319", "Here is my lease", Instant.parse("2026-01-05T10:00:00Z"),
                jordan.getId());
        long oldPicture = picture(oldIncoming, "STORED", PICTURE);
        long recentIncoming = data.incoming("+14045387319", "And my ID", Instant.parse("2026-11-21T10:00:00Z"),
                jordan.getId());
        long recentPicture = picture(recentIncoming, "STORED", PICTURE);
        Map<String, Object> oldSentBefore = text(oldSent);
        keep(6);

        RetentionRun.Outcome outcome = runAt(NOW).run();

        assertThat(outcome.removed()).isEqualTo(new BodyRedaction.Removed(3, 1));
        assertThat(outcome.atTwilio()).isNull();
        for (long removed : List.of(oldSent, justBefore, oldIncoming)) {
            assertThat(text(removed)).as("text %d", removed)
                    .containsEntry("body", "(removed after 6 months)")
                    .containsEntry("body_removed_after_months", 6);
        }
        assertThat(text(atCutoff)).containsEntry("body", "Bring your ID").containsEntry("body_removed_after_months", null);
        assertThat(text(recent)).containsEntry("body", "See you soon");
        assertThat(text(recentIncoming)).containsEntry("body", "And my ID");
        // the record stays: who, when, to whom, which case, the status and its history
        Map<String, Object> oldSentAfter = new java.util.HashMap<>(text(oldSent));
        oldSentAfter.remove("body");
        oldSentAfter.remove("body_removed_after_months");
        assertThat(oldSentAfter).containsAllEntriesOf(Map.of("direction", "OUTBOUND", "to_number", "+14045387319",
                "from_number", "+14044764365", "sent_by", casey.getId(), "client_id", jordan.getId(),
                "case_id", rentalCase.getId(), "status", "delivered"));
        assertThat(oldSentAfter.get("created_at")).isEqualTo(oldSentBefore.get("created_at"));
        assertThat(jdbc.queryForList("select status from message_status_events where text_message_id = ? order by id",
                String.class, oldSent)).containsExactly("queued", "delivered");
        assertThat(jdbc.queryForMap("select state, not_kept_reason, content, content_type from text_media where id = ?",
                oldPicture)).containsEntry("state", "NOT_KEPT").containsEntry("not_kept_reason", "REMOVED")
                .containsEntry("content_type", "image/png").containsEntry("content", null);
        assertThat(jdbc.queryForObject("select content from text_media where id = ?", byte[].class, recentPicture))
                .isEqualTo(PICTURE);

        // a second run (another instance) finds nothing left to remove; a day later, the text at the cutoff goes
        assertThat(runAt(NOW).run().removed()).isEqualTo(new BodyRedaction.Removed(0, 0));
        assertThat(text(atCutoff)).containsEntry("body", "Bring your ID");
        assertThat(runAt(NOW.plusSeconds(24 * 3600)).run().removed()).isEqualTo(new BodyRedaction.Removed(1, 0));
        assertThat(text(atCutoff)).containsEntry("body", "(removed after 6 months)");
    }

    long scheduled(String body, String state, Instant createdAt) {
        return jdbc.queryForObject("""
                insert into scheduled_texts (client_id, body, due_at, state, confirm_not_safe, send_key, created_by,
                    created_at, updated_at)
                values (?, ?, ?, ?, false, ?, ?, ?, ?) returning id""", Long.class, jordan.getId(), body,
                OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC), state, java.util.UUID.randomUUID().toString(),
                casey.getId(), OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC),
                OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC));
    }

    @Test
    void theWordsOfScheduledTextsGroupTextsAndAppointmentNotesOlderThanTheMonthsGoTooButNotATextStillWaiting() {
        Instant old = Instant.parse("2026-03-01T15:00:00Z");
        Instant recent = Instant.parse("2026-11-20T09:00:00Z");
        long sentReminder = scheduled("Hi Jordan, your hearing is Tuesday", "SENT", old);
        long heldReminder = scheduled("Hi Jordan, bring your lease", "HELD", old);
        long cancelled = scheduled("Hi Jordan, call me", "CANCELLED", old);
        long stillWaiting = scheduled("Hi Jordan, happy new year", "SCHEDULED", old);
        long recentSent = scheduled("Hi Jordan, see you soon", "SENT", recent);
        long oldGroup = jdbc.queryForObject("""
                insert into group_texts (author_id, body, filter_key, recipient_count, send_key, created_at)
                values (?, 'Hi {first_name}, the office moved', 'my-clients', 1, 'old-group', ?) returning id""",
                Long.class, casey.getId(), OffsetDateTime.ofInstant(old, ZoneOffset.UTC));
        long recentGroup = jdbc.queryForObject("""
                insert into group_texts (author_id, body, filter_key, recipient_count, send_key, created_at)
                values (?, 'Hi {first_name}, closed Friday', 'my-clients', 1, 'recent-group', ?) returning id""",
                Long.class, casey.getId(), OffsetDateTime.ofInstant(recent, ZoneOffset.UTC));
        String appointment = """
                insert into appointments (case_id, client_id, starts_at, place, note, staff_id, state, created_by,
                    created_at, updated_at)
                values (?, ?, ?, 'Main office', ?, ?, 'BOOKED', ?, now(), now()) returning id""";
        long oldAppointment = jdbc.queryForObject(appointment, Long.class, rentalCase.getId(), jordan.getId(),
                OffsetDateTime.ofInstant(old, ZoneOffset.UTC), "Jordan is afraid of her landlord", casey.getId(),
                casey.getId());
        long recentAppointment = jdbc.queryForObject(appointment, Long.class, rentalCase.getId(), jordan.getId(),
                OffsetDateTime.ofInstant(recent, ZoneOffset.UTC), "Bring the eviction notice", casey.getId(),
                casey.getId());
        keep(6);

        runAt(NOW).run();

        for (long removed : List.of(sentReminder, heldReminder, cancelled)) {
            assertThat(jdbc.queryForObject("select body from scheduled_texts where id = ?", String.class, removed))
                    .as("scheduled text %d", removed).isEqualTo("(removed after 6 months)");
        }
        assertThat(jdbc.queryForObject("select body from scheduled_texts where id = ?", String.class, stillWaiting))
                .isEqualTo("Hi Jordan, happy new year");
        assertThat(jdbc.queryForObject("select body from scheduled_texts where id = ?", String.class, recentSent))
                .isEqualTo("Hi Jordan, see you soon");
        assertThat(jdbc.queryForObject("select body from group_texts where id = ?", String.class, oldGroup))
                .isEqualTo("(removed after 6 months)");
        assertThat(jdbc.queryForObject("select body from group_texts where id = ?", String.class, recentGroup))
                .isEqualTo("Hi {first_name}, closed Friday");
        assertThat(jdbc.queryForMap("select note, place from appointments where id = ?", oldAppointment))
                .containsEntry("note", null).containsEntry("place", "Main office");
        assertThat(jdbc.queryForObject("select note from appointments where id = ?", String.class, recentAppointment))
                .isEqualTo("Bring the eviction notice");
        assertThat(redaction.redactPlannedBefore(CUTOFF, 6)).as("a second run finds nothing left").isZero();
    }

    @Test
    void oneMonthIsSaidInTheSingularAndTheMonthsCountOnTheCalendar() {
        long old = sent("Call me back", Instant.parse("2026-11-01T11:59:59Z"));
        long kept = sent("Thanks", Instant.parse("2026-11-02T12:00:00Z"));
        keep(1);

        runAt(NOW).run();

        assertThat(text(old)).containsEntry("body", "(removed after 1 month)");
        assertThat(text(kept)).containsEntry("body", "Thanks");
    }

    @Test
    void keptForeverByDefaultAndWhenSetToForever() {
        long ancient = sent("From long ago", Instant.parse("2016-08-17T18:30:55Z"));
        long incoming = data.incoming("+14045387319", "Old picture", Instant.parse("2016-08-18T10:00:00Z"),
                jordan.getId());
        long file = picture(incoming, "STORED", PICTURE);

        assertThat(runAt(NOW).run()).isEqualTo(new RetentionRun.Outcome(null, null));
        keep(null);
        assertThat(runAt(NOW).run()).isEqualTo(new RetentionRun.Outcome(null, null));

        assertThat(text(ancient)).containsEntry("body", "From long ago").containsEntry("body_removed_after_months", null);
        assertThat(text(incoming)).containsEntry("body", "Old picture");
        assertThat(jdbc.queryForObject("select content from text_media where id = ?", byte[].class, file))
                .isEqualTo(PICTURE);
    }

    @Test
    void twoInstancesRunningAtOnceRemoveEachBodyOnceInBatches() throws Exception {
        // 1,203 old texts: three batches of 500 and a last one of 203; every tenth with a picture
        jdbc.update("""
                insert into text_messages (direction, client_id, to_number, from_number, body, status, status_rank,
                    sent_by, created_at, status_changed_at)
                select 'OUTBOUND', ?, '+14045387319', '+14044764365', 'Old text ' || n, 'delivered', 3, ?,
                    timestamp with time zone '2026-01-01 00:00:00+00' + n * interval '1 minute',
                    timestamp with time zone '2026-01-01 00:00:00+00' + n * interval '1 minute'
                from generate_series(1, 1203) as n""", jordan.getId(), casey.getId());
        jdbc.update("""
                insert into text_media (text_message_id, position, declared_type, state, content_type, size_bytes,
                    content, next_attempt_at)
                select id, 0, 'image/png', 'STORED', 'image/png', 3, decode('010203', 'hex'), now()
                from text_messages where id % 10 = 0""");
        long young = sent("Young text", Instant.parse("2026-11-30T10:00:00Z"));
        keep(6);
        RetentionRun first = runAt(NOW);
        RetentionRun second = runAt(NOW);
        CyclicBarrier together = new CyclicBarrier(2);

        CompletableFuture<RetentionRun.Outcome> one = CompletableFuture.supplyAsync(() -> {
            await(together);
            return first.run();
        });
        CompletableFuture<RetentionRun.Outcome> other = CompletableFuture.supplyAsync(() -> {
            await(together);
            return second.run();
        });

        List<BodyRedaction.Removed> removed = new ArrayList<>(List.of(one.get().removed(), other.get().removed()));
        assertThat(removed.get(0).bodies() + removed.get(1).bodies()).isEqualTo(1203);
        assertThat(removed.get(0).pictures() + removed.get(1).pictures()).isEqualTo(120);
        assertThat(jdbc.queryForObject("""
                select count(*) from text_messages
                where body = '(removed after 6 months)' and body_removed_after_months = 6""", Long.class))
                .isEqualTo(1203L);
        assertThat(jdbc.queryForObject("select count(*) from text_media where content is not null", Long.class))
                .isZero();
        assertThat(text(young)).containsEntry("body", "Young text");
    }

    static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
