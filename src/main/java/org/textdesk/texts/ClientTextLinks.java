package org.textdesk.texts;

import java.time.ZoneOffset;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Which clients' timelines a text appears in: the one it was sent to, or everyone with the number. */
@Component
public class ClientTextLinks {

    private final JdbcTemplate jdbc;

    ClientTextLinks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void link(long clientId, TextMessage message) {
        link(clientId, message.getId(), message.getCreatedAt());
    }

    /** The same, for a text written without its entity (the send path). */
    public void link(long clientId, long messageId, java.time.Instant createdAt) {
        jdbc.update("insert into client_texts (client_id, text_message_id, created_at) values (?, ?, ?)",
                clientId, messageId, createdAt.atOffset(ZoneOffset.UTC));
    }
}
