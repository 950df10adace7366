package org.textdesk.media;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.textdesk.live.LiveEvent;
import org.textdesk.live.LiveEvents;
import org.textdesk.twilio.CurrentTwilioSetup;
import org.textdesk.twilio.MediaDownload;
import org.textdesk.twilio.TwilioMedia;
import org.textdesk.twilio.TwilioSetup;

/**
 * Fetches the files of incoming texts from Twilio, off the webhook's request, on every instance at once
 * without fetching a file twice: each due row is claimed with one conditional UPDATE (claimed_by, and
 * claimed_until {@link #CLAIM} ahead; plain SQL, so the embedded H2 default runs it too), fetched with no
 * transaction or connection held, and finished with an UPDATE that only the claim's holder can make. An
 * instance killed mid-fetch leaves its claim to expire; another instance then takes the row. A failed fetch
 * (Twilio answers 404 for a few seconds while it stores a file) is tried again later, each wait twice the
 * last.
 */
@Component
class MediaFetching {

    /** The largest file kept (issue 15 point 4). */
    static final long MAX_BYTES = 5L * 1024 * 1024;
    /** How long a claim holds: longer than a fetch and a delete can take with the gateway's timeouts. */
    static final Duration CLAIM = Duration.ofMinutes(2);
    /** Files claimed at a time by one instance: small, so that other instances share the work. */
    static final int CLAIMED_AT_ONCE = 3;
    /** After this many failed fetches the file is given up (with the wait doubling up to an hour: about a day). */
    static final int MAX_ATTEMPTS = 30;
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);

    private static final Logger log = LoggerFactory.getLogger(MediaFetching.class);

    private final JdbcTemplate jdbc;
    private final TwilioMedia twilioMedia;
    private final CurrentTwilioSetup twilioSetup;
    private final MediaSettings settings;
    private final Clock clock;
    private final LiveEvents liveEvents;
    private final Duration firstRetry;
    private final String instance = "instance-" + UUID.randomUUID();

    MediaFetching(JdbcTemplate jdbc, TwilioMedia twilioMedia, CurrentTwilioSetup twilioSetup, MediaSettings settings,
            Clock clock, @Value("${textdesk.media.first-retry:2s}") Duration firstRetry, LiveEvents liveEvents) {
        this.jdbc = jdbc;
        this.liveEvents = liveEvents;
        this.twilioMedia = twilioMedia;
        this.twilioSetup = twilioSetup;
        this.settings = settings;
        this.clock = clock;
        this.firstRetry = firstRetry;
    }

    private record Claimed(long id, long messageId, String url, String declaredType, int attempts) {
    }

    /** Fetches every file that is due, a few claimed at a time, until none is left; returns how many were tried. */
    int fetchDue() {
        int tried = 0;
        List<Claimed> claimed;
        while (!(claimed = claimDue()).isEmpty()) {
            TwilioSetup setup = twilioSetup.currentSetup();
            for (Claimed file : claimed) {
                fetch(file, setup);
                tried++;
            }
        }
        return tried;
    }

    private List<Claimed> claimDue() {
        Instant now = clock.instant();
        List<Claimed> due = jdbc.query("""
                select id, text_message_id, twilio_url, declared_type, attempts from text_media
                where state = ? and next_attempt_at <= ? and (claimed_until is null or claimed_until < ?)
                order by next_attempt_at, id
                fetch first ? rows only""",
                (row, n) -> new Claimed(row.getLong(1), row.getLong(2), row.getString(3), row.getString(4),
                        row.getInt(5)),
                MediaState.PENDING, utc(now), utc(now), CLAIMED_AT_ONCE);
        List<Claimed> ours = new ArrayList<>(due.size());
        for (Claimed file : due) {
            int taken = jdbc.update("""
                    update text_media set claimed_by = ?, claimed_until = ?
                    where id = ? and state = ? and (claimed_until is null or claimed_until < ?)""",
                    instance, utc(now.plus(CLAIM)), file.id(), MediaState.PENDING, utc(now));
            if (taken == 1) {
                ours.add(file);
            }
        }
        return ours;
    }

    private void fetch(Claimed file, TwilioSetup setup) {
        if (setup.accountSid() == null || setup.authToken() == null) {
            tryAgainLater(file, "Twilio Setup has no Account SID and Auth Token");
            return;
        }
        MediaDownload download = twilioMedia.fetch(setup, file.url(), MAX_BYTES);
        switch (download.outcome()) {
            case FETCHED -> keep(file, download, setup);
            case TOO_LARGE -> notKept(file, NotKept.SIZE, download.contentType());
            case NOT_AT_TWILIO -> notKept(file, NotKept.NOT_AT_TWILIO, null);
            case TRY_AGAIN -> tryAgainLater(file, download.problem());
        }
    }

    private void keep(Claimed file, MediaDownload download, TwilioSetup setup) {
        String served = MediaTypes.normalised(download.contentType());
        String type = MediaTypes.kept(served) ? served : file.declaredType();
        if (!MediaTypes.kept(type) || !MediaTypes.looksLike(type, download.bytes())) {
            notKept(file, NotKept.TYPE, served.isEmpty() ? file.declaredType() : served);
            return;
        }
        int stored = jdbc.update("""
                update text_media set state = ?, content = ?, content_type = ?, size_bytes = ?, fetched_at = ?,
                    attempts = attempts + 1, last_failure = null, claimed_by = null, claimed_until = null
                where id = ? and claimed_by = ? and state = 'PENDING'""",
                MediaState.STORED, download.bytes(), type, download.bytes().length, utc(clock.instant()), file.id(),
                instance);
        if (stored == 0) {
            log.warn("File {} was fetched after its claim ran out; another instance has it", file.id());
            return;
        }
        log.info("File {} of an incoming text kept: {}, {} bytes", file.id(), type, download.bytes().length);
        announcePicture(file.messageId());
        if (settings.deletesAtTwilio() && twilioMedia.delete(setup, file.url())) {
            jdbc.update("update text_media set deleted_at_twilio_at = ? where id = ?", utc(clock.instant()), file.id());
        }
    }

    /**
     * Tells the open conversations of the text's clients that its picture changed (only a conversation shows
     * pictures, so the event names the client whose page it is for); a text of an unknown number has no page to tell.
     */
    private void announcePicture(long messageId) {
        List<LiveEvent> events = jdbc.queryForList("select client_id from client_texts where text_message_id = ?",
                Long.class, messageId).stream().map(clientId -> LiveEvent.picture(messageId, clientId)).toList();
        liveEvents.publish(events);
    }

    private void notKept(Claimed file, String reason, String contentType) {
        int changed = jdbc.update("""
                update text_media set state = ?, not_kept_reason = ?, content_type = ?, attempts = attempts + 1,
                    claimed_by = null, claimed_until = null
                where id = ? and claimed_by = ? and state = 'PENDING'""",
                MediaState.NOT_KEPT, reason, contentType, file.id(), instance);
        log.info("File {} of an incoming text not kept: {} ({})", file.id(), reason, contentType);
        if (changed > 0) {
            announcePicture(file.messageId());
        }
    }

    private void tryAgainLater(Claimed file, String problem) {
        int attempts = file.attempts() + 1;
        Instant next = clock.instant().plus(waitAfter(attempts));
        String state = attempts >= MAX_ATTEMPTS ? MediaState.GAVE_UP : MediaState.PENDING;
        jdbc.update("""
                update text_media set state = ?, attempts = ?, next_attempt_at = ?, last_failure = ?,
                    claimed_by = null, claimed_until = null
                where id = ? and claimed_by = ? and state = 'PENDING'""",
                state, attempts, utc(next), truncated(problem), file.id(), instance);
        log.info("File {} of an incoming text not fetched (attempt {}): {}; {}", file.id(), attempts, problem,
                state.equals(MediaState.GAVE_UP) ? "given up" : "next try at " + next);
    }

    /** {@code first-retry}, then twice as long each time, at most an hour. */
    Duration waitAfter(int attempts) {
        Duration wait = firstRetry;
        for (int i = 1; i < attempts && wait.compareTo(LONGEST_WAIT) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private static String truncated(String problem) {
        return problem == null || problem.length() <= 200 ? problem : problem.substring(0, 200);
    }

    private static java.time.OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
