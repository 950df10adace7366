package org.textdesk.sending;

import java.sql.PreparedStatement;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.textdesk.texts.MessageStatus;
import org.textdesk.texts.TextMessage;
import org.textdesk.twilio.SentStatusCallbacks;

/**
 * The statements of every send that need no entity, as plain JDBC: the send key's earlier text, the new text's row
 * and the SID Twilio gave. As Spring Data calls they were a quarter of the send service's own time in the profile
 * (README "Performance"), and the new row's insert through Hibernate alone half of a reminder's preparation
 * (src/docs/performance.md, reminders).
 */
@Component
class SentTextRows implements SentStatusCallbacks {

    /** The text an earlier post of a send form made, and its client. */
    record EarlierSend(long messageId, Long clientId) {
    }

    private final JdbcTemplate jdbc;

    SentTextRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes a new outbound text's row; returns its id. */
    long insertOutbound(TextMessage message) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("""
                    insert into text_messages (direction, client_id, case_id, to_number, from_number, body, status,
                        status_rank, sent_by, send_key, status_callback_url, messaging_service_sid, created_at,
                        status_changed_at, unknown_number)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false)""", new String[] {"id"});
            insert.setString(1, message.getDirection().name());
            insert.setObject(2, message.getClientId());
            insert.setObject(3, message.getCaseId());
            insert.setString(4, message.getToNumber());
            insert.setString(5, message.getFromNumber());
            insert.setString(6, message.getBody());
            insert.setString(7, message.getStatus());
            insert.setInt(8, MessageStatus.rank(message.getStatus()));
            insert.setObject(9, message.getSentBy());
            insert.setString(10, message.getSendKey());
            insert.setString(11, message.getStatusCallbackUrl());
            insert.setString(12, message.getMessagingServiceSid());
            insert.setObject(13, message.getCreatedAt().atOffset(ZoneOffset.UTC));
            insert.setObject(14, message.getStatusChangedAt().atOffset(ZoneOffset.UTC));
            return insert;
        }, key);
        return key.getKey().longValue();
    }

    Optional<EarlierSend> bySendKey(String sendKey) {
        List<EarlierSend> found = jdbc.query("select id, client_id from text_messages where send_key = ?",
                (row, n) -> new EarlierSend(row.getLong(1), row.getObject(2, Long.class)), sendKey);
        return found.stream().findFirst();
    }

    @Override
    public Optional<String> statusCallbackUrl(String messageSid) {
        return jdbc.queryForList("select status_callback_url from text_messages where twilio_sid = ?", String.class,
                messageSid).stream().filter(url -> url != null).findFirst();
    }

    /**
     * Gives the text its SID unless it has one already (status reconciliation may have found it at Twilio while the
     * answer waited to be recorded); returns whether it did.
     */
    boolean recordTwilioSid(long messageId, String sid) {
        return jdbc.update("update text_messages set twilio_sid = ? where id = ? and twilio_sid is null", sid,
                messageId) == 1;
    }
}
