package org.textdesk.texts;

import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.JdbcTemplate;
import org.textdesk.twiliosetup.TwilioSetupFixture;

/** Writes text rows straight into the database, as sending leaves them, for tests of what happens next. */
public final class TextMessageRows {

    private TextMessageRows() {
    }

    /**
     * A text sent to a client's cell (or, with a null client, to +14045387319) at {@code createdAt},
     * with this SID (null: the answer to the send was lost) and status, and its first status event.
     * Returns its id.
     */
    public static long outbound(JdbcTemplate jdbc, Long clientId, String to, String sid, String status, String body,
            Instant createdAt) {
        Long id = jdbc.queryForObject("""
                insert into text_messages (direction, client_id, to_number, from_number, body, twilio_sid, status,
                    status_rank, created_at, status_changed_at)
                values ('OUTBOUND', ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class,
                clientId, to == null ? "+14045387319" : to, TwilioSetupFixture.TWILIO_NUMBER, body, sid, status,
                StatusRanks.of(status), createdAt.atOffset(ZoneOffset.UTC), createdAt.atOffset(ZoneOffset.UTC));
        jdbc.update("""
                insert into message_status_events (text_message_id, status, error_code, received_at)
                values (?, ?, ?, ?)""", id, status, sid == null && MessageStatus.UNKNOWN.equals(status)
                ? TwilioErrorCodes.NO_ANSWER : null, createdAt.atOffset(ZoneOffset.UTC));
        if (clientId != null) {
            jdbc.update("insert into client_texts (client_id, text_message_id, created_at) values (?, ?, ?)", clientId,
                    id, createdAt.atOffset(ZoneOffset.UTC));
        }
        if (sid == null && MessageStatus.UNKNOWN.equals(status)) {
            jdbc.update("update text_messages set error_code = ? where id = ?", TwilioErrorCodes.NO_ANSWER, id);
        }
        return id;
    }
}
