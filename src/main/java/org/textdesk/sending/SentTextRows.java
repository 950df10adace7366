package org.textdesk.sending;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.textdesk.twilio.SentStatusCallbacks;

/**
 * The two statements of every send that need no entity, as plain JDBC: the send key's earlier text, and
 * the SID Twilio gave. As Spring Data queries they were a quarter of the send service's own time in the
 * profile (README "Performance").
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
