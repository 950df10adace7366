package org.textdesk.retention;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.textdesk.media.PictureRemoval;

/**
 * Replaces the bodies of texts created before a cutoff by "(removed after N months)" and removes their pictures,
 * keeping everything else of the record (who, when, to whom, the statuses). The words go into the body itself,
 * so every page and export that shows a body says them; body_removed_after_months marks the text as redacted
 * (it is the "(removed after N months)" of the row, whatever a client may have typed).
 *
 * <p>Works through millions of texts in batches of {@link #TEXTS_PER_BATCH}, one short transaction each, through
 * the index on (body_removed_after_months, created_at). Idempotent and safe on two instances at once: a text is
 * only changed while its body is still there, so each is counted once whichever instance changed it.
 */
@Component
class BodyRedaction {

    static final int TEXTS_PER_BATCH = 500;

    /** What was removed in one run. */
    record Removed(long bodies, long pictures) {
    }

    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final PictureRemoval pictureRemoval;
    private final MessageSource messageSource;

    BodyRedaction(NamedParameterJdbcTemplate jdbc, TransactionTemplate transaction, PictureRemoval pictureRemoval,
            MessageSource messageSource) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.pictureRemoval = pictureRemoval;
        this.messageSource = messageSource;
    }

    /** The words a redacted body reads, stored in place of the body. */
    String removedBody(int months) {
        return messageSource.getMessage("retention.removedBody", new Object[] {months}, Locale.ENGLISH);
    }

    Removed redactCreatedBefore(Instant cutoff, int months) {
        String words = removedBody(months);
        long bodies = 0;
        long pictures = 0;
        while (true) {
            Removed batch = transaction.execute(status -> redactOneBatch(cutoff, months, words));
            if (batch == null) {
                break;
            }
            bodies += batch.bodies();
            pictures += batch.pictures();
        }
        return new Removed(bodies, pictures);
    }

    /**
     * The words planned before the cutoff, which hold names and messages as much as the texts do: the bodies of
     * scheduled texts no longer waiting (sent, held, cancelled, failed: a reminder or a group's filled text), the
     * messages of group texts as typed, and the notes of appointments that began before it. A text still waiting
     * keeps its words, whatever its age. Each statement changes only what still has its words, so a second run
     * (or a second instance) counts nothing twice.
     *
     * @return how many rows had words removed
     */
    long redactPlannedBefore(Instant cutoff, int months) {
        String words = removedBody(months);
        Map<String, Object> args = Map.of("cutoff", cutoff.atOffset(ZoneOffset.UTC), "words", words);
        return transaction.execute(status -> (long) jdbc.update("""
                update scheduled_texts set body = :words
                where state <> 'SCHEDULED' and created_at < :cutoff and body <> :words""", args)
                + jdbc.update("update group_texts set body = :words where created_at < :cutoff and body <> :words", args)
                + jdbc.update("update appointments set note = null where starts_at < :cutoff and note is not null",
                        args));
    }

    /** One batch, oldest first; null when no text is left to redact. */
    private Removed redactOneBatch(Instant cutoff, int months, String words) {
        List<Long> ids = jdbc.queryForList("""
                select id from text_messages
                where body_removed_after_months is null and created_at < :cutoff
                order by body_removed_after_months, created_at
                fetch first :batch rows only""",
                Map.of("cutoff", cutoff.atOffset(ZoneOffset.UTC), "batch", TEXTS_PER_BATCH), Long.class);
        if (ids.isEmpty()) {
            return null;
        }
        int bodies = jdbc.update("""
                update text_messages set body = :words, body_removed_after_months = :months
                where id in (:ids) and body_removed_after_months is null""",
                Map.of("words", words, "months", months, "ids", ids));
        return new Removed(bodies, pictureRemoval.removeFilesOf(ids));
    }
}
