package org.textdesk.sandbox.api;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/** The sandbox_messages table (Flyway V10). */
@Repository
public class SandboxMessages {

    private static final String COLUMNS = "sid, account_sid, direction, to_number, from_number, body, status, "
            + "status_step, error_code, num_segments, status_callback, messaging_service_sid, media_sid, "
            + "media_content_type, media_name, date_created, date_updated, date_sent";

    private static final RowMapper<SandboxMessage> ROW = SandboxMessages::read;

    private final JdbcTemplate jdbc;

    SandboxMessages(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void add(SandboxMessage message) {
        jdbc.update("insert into sandbox_messages (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + "?, ?, ?, ?)", message.sid(), message.accountSid(), message.direction(), message.to(),
                message.from(), message.body(), message.status(), message.statusStep(), message.errorCode(),
                message.numSegments(), message.statusCallback(), message.messagingServiceSid(), message.mediaSid(),
                message.mediaContentType(), message.mediaName(), utc(message.dateCreated()),
                utc(message.dateUpdated()), utc(message.dateSent()));
    }

    Optional<SandboxMessage> find(String accountSid, String sid) {
        return jdbc.query("select " + COLUMNS + " from sandbox_messages where account_sid = ? and sid = ?", ROW,
                accountSid, sid).stream().findFirst();
    }

    Optional<SandboxMessage> findByMedia(String accountSid, String messageSid, String mediaSid) {
        return find(accountSid, messageSid).filter(message -> mediaSid.equals(message.mediaSid()));
    }

    /**
     * Moves a message to the status of step {@code step}, unless a later step was reported already (steps can
     * run out of order when an instance is slow). Returns whether it moved.
     */
    boolean advance(String sid, int step, String status, Integer errorCode, Instant at) {
        return jdbc.update("update sandbox_messages set status = ?, status_step = ?, error_code = ?, date_updated = ?, "
                + "date_sent = case when ? = 'sent' or date_sent is not null then coalesce(date_sent, ?) else null end "
                + "where sid = ? and status_step < ?", status, step, errorCode, utc(at), status, utc(at), sid,
                step) == 1;
    }

    /**
     * The account's messages, newest first, filtered as Twilio's list is: To, From, and the day sent (or created
     * when not sent yet) on or after {@code sentOnOrAfter} and before {@code sentBefore}.
     */
    List<SandboxMessage> list(String accountSid, String to, String from, Instant sentOnOrAfter, Instant sentBefore,
            int limit, int offset) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from sandbox_messages where account_sid = ?");
        List<Object> args = new ArrayList<>(List.of(accountSid));
        if (to != null) {
            sql.append(" and to_number = ?");
            args.add(to);
        }
        if (from != null) {
            sql.append(" and from_number = ?");
            args.add(from);
        }
        if (sentOnOrAfter != null) {
            sql.append(" and coalesce(date_sent, date_created) >= ?");
            args.add(utc(sentOnOrAfter));
        }
        if (sentBefore != null) {
            sql.append(" and coalesce(date_sent, date_created) < ?");
            args.add(utc(sentBefore));
        }
        sql.append(" order by coalesce(date_sent, date_created) desc, sid limit ? offset ?");
        args.add(limit);
        args.add(offset);
        return jdbc.query(sql.toString(), ROW, args.toArray());
    }

    /** What one phone number sent and was sent, oldest first, the latest {@code limit}. */
    public List<SandboxMessage> conversation(String phone, int limit) {
        List<SandboxMessage> newestFirst = jdbc.query("select " + COLUMNS + " from sandbox_messages "
                + "where to_number = ? or from_number = ? order by date_created desc, sid desc limit ?", ROW, phone,
                phone, limit);
        List<SandboxMessage> oldestFirst = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    private static SandboxMessage read(ResultSet row, int rowNumber) throws SQLException {
        Integer errorCode = row.getObject("error_code", Integer.class);
        return new SandboxMessage(row.getString("sid"), row.getString("account_sid"), row.getString("direction"),
                row.getString("to_number"), row.getString("from_number"), row.getString("body"),
                row.getString("status"), row.getInt("status_step"), errorCode,
                row.getInt("num_segments"), row.getString("status_callback"), row.getString("messaging_service_sid"),
                row.getString("media_sid"), row.getString("media_content_type"), row.getString("media_name"),
                instant(row, "date_created"), instant(row, "date_updated"), instant(row, "date_sent"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
