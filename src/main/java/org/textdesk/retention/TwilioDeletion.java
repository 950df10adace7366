package org.textdesk.retention;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.textdesk.twilio.CurrentTwilioSetup;
import org.textdesk.twilio.TwilioGateway;
import org.textdesk.twilio.TwilioSetup;

/**
 * "Delete texts at Twilio after delivery" (as ClientComm does): each text in a final status (delivered,
 * undelivered, failed, read; received for an incoming one whose pictures TextDesk no longer waits for) is deleted
 * at Twilio through the SDK once, which removes its body and media from Twilio's logs, and the time is recorded
 * on the text (deleted_at_twilio_at). A failed try is tried again {@link #RETRY_AFTER} later, at most
 * {@link #MOST_FAILURES} times.
 *
 * <p>Texts are read in id order (keyset, {@link #TEXTS_PER_BATCH} at a time, through the index on
 * (deleted_at_twilio_at, id)); each is claimed with a conditional UPDATE before Twilio is called, with no
 * transaction held during the call, so two instances never delete the same text and a claim left by a killed
 * instance expires after {@link #CLAIM}.
 */
@Component
class TwilioDeletion {

    static final int TEXTS_PER_BATCH = 200;
    static final Duration CLAIM = Duration.ofMinutes(2);
    static final Duration RETRY_AFTER = Duration.ofHours(6);
    static final int MOST_FAILURES = 8;

    /** What one run did at Twilio. */
    record Deleted(long deleted, long toTryAgain) {
    }

    private record Candidate(long id, String sid) {
    }

    private final JdbcTemplate jdbc;
    private final TwilioGateway gateway;
    private final CurrentTwilioSetup twilioSetup;

    TwilioDeletion(JdbcTemplate jdbc, TwilioGateway gateway, CurrentTwilioSetup twilioSetup) {
        this.jdbc = jdbc;
        this.gateway = gateway;
        this.twilioSetup = twilioSetup;
    }

    /** Null when Twilio Setup has no credentials to delete with (nothing tried). */
    Deleted deleteFinalTexts(Instant now) {
        TwilioSetup setup = twilioSetup.currentSetup();
        if (setup.accountSid() == null || setup.authToken() == null) {
            return null;
        }
        long deleted = 0;
        long toTryAgain = 0;
        long after = 0;
        List<Candidate> batch;
        while (!(batch = candidates(after, now)).isEmpty()) {
            for (Candidate text : batch) {
                after = text.id();
                if (!claim(text, now)) {
                    continue;
                }
                if (gateway.deleteMessage(setup, text.sid())) {
                    jdbc.update("""
                            update text_messages set deleted_at_twilio_at = ?, twilio_delete_claimed_until = null
                            where id = ?""", utc(now), text.id());
                    deleted++;
                } else {
                    jdbc.update("""
                            update text_messages set twilio_delete_failures = twilio_delete_failures + 1,
                                twilio_delete_next_at = ?, twilio_delete_claimed_until = null
                            where id = ?""", utc(now.plus(RETRY_AFTER)), text.id());
                    toTryAgain++;
                }
            }
        }
        return new Deleted(deleted, toTryAgain);
    }

    private List<Candidate> candidates(long after, Instant now) {
        return jdbc.query("""
                select t.id, t.twilio_sid from text_messages t
                where t.deleted_at_twilio_at is null and t.id > ?
                  and t.twilio_sid is not null
                  -- Twilio's final statuses (a canceled text was never sent; the others are not final yet)
                  and t.status in ('delivered', 'undelivered', 'failed', 'read', 'received')
                  and t.twilio_delete_failures < ?
                  and (t.twilio_delete_next_at is null or t.twilio_delete_next_at <= ?)
                  and (t.twilio_delete_claimed_until is null or t.twilio_delete_claimed_until < ?)
                  and not exists (select 1 from text_media m where m.text_message_id = t.id and m.state = 'PENDING')
                order by t.deleted_at_twilio_at, t.id
                fetch first ? rows only""",
                (row, n) -> new Candidate(row.getLong(1), row.getString(2)),
                after, MOST_FAILURES, utc(now), utc(now), TEXTS_PER_BATCH);
    }

    /** Takes the text for this instance for {@link #CLAIM}, unless it was deleted or taken meanwhile. */
    private boolean claim(Candidate text, Instant now) {
        return jdbc.update("""
                update text_messages set twilio_delete_claimed_until = ?
                where id = ? and deleted_at_twilio_at is null
                  and (twilio_delete_claimed_until is null or twilio_delete_claimed_until < ?)""",
                utc(now.plus(CLAIM)), text.id(), utc(now)) == 1;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
