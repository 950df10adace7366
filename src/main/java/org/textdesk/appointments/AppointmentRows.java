package org.textdesk.appointments;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The appointments and appointment_reminders statements, as plain JDBC; each change is one conditional update. */
@Component
class AppointmentRows {

    /** An appointment with its case number and its staff member's name. */
    record Appointment(long id, long caseId, String caseNumber, long clientId, Instant startsAt, String place,
            String note, long staffId, String staffName, String state, String answer, Instant answeredAt,
            long version) {

        static final String BOOKED = "BOOKED";
        static final String CANCELLED = "CANCELLED";

        boolean booked() {
            return BOOKED.equals(state);
        }
    }

    /** One reminder of an appointment: planned (its scheduled text) or not (why), and its plan's timing. */
    record Reminder(long id, long appointmentId, Instant dueAt, Long scheduledTextId, String notPlanned,
            boolean current, ReminderTiming timing) {
    }

    /** What an appointment's details are, as checked. */
    record Details(Instant startsAt, String place, String note, long staffId) {
    }

    private static final String APPOINTMENT = """
            select a.id, a.case_id, c.case_number, a.client_id, a.starts_at, a.place, a.note, a.staff_id,
                   s.display_name, a.state, a.answer, a.answered_at, a.version
            from appointments a join cases c on c.id = a.case_id join staff s on s.id = a.staff_id
            """;

    private final JdbcTemplate jdbc;

    AppointmentRows(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts a row and gives its generated id (PostgreSQL and H2 alike). */
    static long insert(JdbcTemplate jdbc, String sql, Object... arguments) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement statement = connection.prepareStatement(sql, new String[] {"id"});
            for (int i = 0; i < arguments.length; i++) {
                statement.setObject(i + 1, arguments[i]);
            }
            return statement;
        }, key);
        return key.getKeyAs(Number.class).longValue();
    }

    long insert(long caseId, long clientId, Details details, String bookingKey, long actorId, Instant now) {
        return insert(jdbc, """
                insert into appointments (case_id, client_id, starts_at, place, note, staff_id, state, created_by,
                                          created_at, updated_at, booking_key)
                values (?, ?, ?, ?, ?, ?, 'BOOKED', ?, ?, ?, ?)""", caseId, clientId,
                Timestamp.from(details.startsAt()), details.place(), details.note(), details.staffId(), actorId,
                Timestamp.from(now), Timestamp.from(now), bookingKey);
    }

    /** The appointment an earlier post of the same booking form booked. */
    Optional<Long> byBookingKey(String bookingKey) {
        return jdbc.queryForList("select id from appointments where booking_key = ?", Long.class, bookingKey).stream()
                .findFirst();
    }

    /** New details for a booked appointment still at {@code version}; false when it changed or was cancelled. */
    boolean change(long id, long version, Details details, Instant now) {
        return jdbc.update("""
                update appointments set starts_at = ?, place = ?, note = ?, staff_id = ?, updated_at = ?,
                       version = version + 1
                where id = ? and version = ? and state = 'BOOKED'""", Timestamp.from(details.startsAt()),
                details.place(), details.note(), details.staffId(), Timestamp.from(now), id, version) == 1;
    }

    boolean cancel(long id, Instant now) {
        return jdbc.update("""
                update appointments set state = 'CANCELLED', updated_at = ?, version = version + 1
                where id = ? and state = 'BOOKED'""", Timestamp.from(now), id) == 1;
    }

    Optional<Appointment> find(long id) {
        return jdbc.query(APPOINTMENT + " where a.id = ?", AppointmentRows::appointment, id).stream().findFirst();
    }

    /** A case's appointments, the latest first. */
    List<Appointment> ofCase(long caseId) {
        return jdbc.query(APPOINTMENT + " where a.case_id = ? order by a.starts_at desc, a.id desc",
                AppointmentRows::appointment, caseId);
    }

    /** A client's appointments from {@code since} on (cancelled ones too), the earliest first. */
    List<Appointment> ofClientFrom(long clientId, Instant since) {
        return jdbc.query(APPOINTMENT + " where a.client_id = ? and a.starts_at >= ? order by a.starts_at, a.id",
                AppointmentRows::appointment, clientId, Timestamp.from(since));
    }

    long insertReminder(long appointmentId, long planId, Instant dueAt, String notPlanned, Instant now) {
        return insert(jdbc, """
                insert into appointment_reminders (appointment_id, plan_id, due_at, not_planned, is_current, created_at)
                values (?, ?, ?, ?, true, ?)""", appointmentId, planId, Timestamp.from(dueAt), notPlanned,
                Timestamp.from(now));
    }

    void planned(long reminderId, long scheduledTextId) {
        jdbc.update("update appointment_reminders set scheduled_text_id = ? where id = ?", scheduledTextId, reminderId);
    }

    /** The appointment's current reminders become earlier ones; their scheduled texts, to cancel if not gone. */
    List<Long> retire(long appointmentId) {
        List<Long> scheduled = jdbc.queryForList("""
                select scheduled_text_id from appointment_reminders
                where appointment_id = ? and is_current and scheduled_text_id is not null""", Long.class,
                appointmentId);
        jdbc.update("update appointment_reminders set is_current = false where appointment_id = ? and is_current",
                appointmentId);
        return scheduled;
    }

    /** The reminders of these appointments, by due time. */
    List<Reminder> remindersOf(Collection<Long> appointmentIds) {
        if (appointmentIds.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", Collections.nCopies(appointmentIds.size(), "?"));
        return jdbc.query("""
                select r.id, r.appointment_id, r.due_at, r.scheduled_text_id, r.not_planned, r.is_current,
                       p.days_before, p.at_time, p.minutes_before
                from appointment_reminders r join reminder_plans p on p.id = r.plan_id
                where r.appointment_id in (%s) order by r.due_at, r.id""".formatted(marks), (row, n) -> {
                    Time at = row.getTime(8);
                    return new Reminder(row.getLong(1), row.getLong(2), instant(row, 3),
                            row.getObject(4, Long.class), row.getString(5), row.getBoolean(6),
                            new ReminderTiming(row.getObject(7, Integer.class), at == null ? null : at.toLocalTime(),
                                    row.getObject(9, Integer.class)));
                }, appointmentIds.toArray());
    }

    /**
     * The booked appointment whose reminder went to this number most recently within (since, until], a client of
     * that cell being the appointment's client; empty when none.
     */
    Optional<Long> remindedByNumber(String cellE164, Instant since, Instant until) {
        return jdbc.queryForList("""
                select a.id from appointments a
                join clients c on c.id = a.client_id
                join appointment_reminders r on r.appointment_id = a.id
                join scheduled_texts st on st.id = r.scheduled_text_id
                join text_messages tm on tm.id = st.message_id
                where c.cell_e164 = ? and a.state = 'BOOKED' and st.state = 'SENT'
                  and tm.created_at > ? and tm.created_at <= ?
                order by tm.created_at desc, a.id desc
                limit 1""", Long.class, cellE164, Timestamp.from(since), Timestamp.from(until)).stream().findFirst();
    }

    void answer(long appointmentId, String answer, Instant at, long messageId) {
        jdbc.update("update appointments set answer = ?, answered_at = ?, answer_message_id = ? where id = ?", answer,
                Timestamp.from(at), messageId, appointmentId);
    }

    /** The appointments these incoming texts answered, by the text's id. */
    Map<Long, Appointment> answeredBy(Collection<Long> messageIds) {
        Map<Long, Appointment> answered = new HashMap<>();
        if (messageIds.isEmpty()) {
            return answered;
        }
        String marks = String.join(", ", Collections.nCopies(messageIds.size(), "?"));
        jdbc.query(APPOINTMENT.replace("a.version\n", "a.version, a.answer_message_id\n")
                + " where a.answer_message_id in (" + marks + ")", (ResultSet row) -> {
                    answered.put(row.getLong(14), appointment(row, 0));
                }, messageIds.toArray());
        return answered;
    }

    private static Appointment appointment(ResultSet row, int n) throws SQLException {
        return new Appointment(row.getLong(1), row.getLong(2), row.getString(3), row.getLong(4), instant(row, 5),
                row.getString(6), row.getString(7), row.getLong(8), row.getString(9), row.getString(10),
                row.getString(11), instant(row, 12), row.getLong(13));
    }

    private static Instant instant(ResultSet row, int column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
