package org.textdesk.media;

import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes the files of one incoming text, and its NumMedia, in the caller's transaction: the portable path
 * (keywords, and every text on H2). PostgreSQL's one-statement path writes the same rows in its own statement
 * (inbox's IncomingTextRows).
 */
@Component
public class IncomingMediaRows {

    private final JdbcTemplate jdbc;

    IncomingMediaRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Must run inside the transaction that stores the text. */
    public void store(long textMessageId, IncomingMedia media, Instant receivedAt) {
        if (media.numMedia() == 0) {
            return;
        }
        jdbc.update("update text_messages set num_media = ? where id = ?", media.numMedia(), textMessageId);
        jdbc.batchUpdate("""
                insert into text_media (text_message_id, position, twilio_url, declared_type, state, not_kept_reason,
                    next_attempt_at)
                values (?, ?, ?, ?, ?, ?, ?)""", media.items(), media.items().size(), (statement, item) -> {
            statement.setLong(1, textMessageId);
            statement.setInt(2, item.position());
            statement.setString(3, item.url());
            statement.setString(4, item.declaredType());
            statement.setString(5, item.state());
            statement.setString(6, item.notKeptReason());
            statement.setObject(7, receivedAt.atOffset(ZoneOffset.UTC));
        });
    }
}
