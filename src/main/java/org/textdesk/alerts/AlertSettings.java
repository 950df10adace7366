package org.textdesk.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.textdesk.texts.Sql;

/** The email_alerts rows: who asked for alerts, after how many hours, and when the last one went out. */
@Repository
class AlertSettings {

    /** A caseworker with alerts on and an email address, as the job reads them. */
    record Subscriber(long staffId, String email, int afterHours, Instant lastSentAt) {
    }

    private final JdbcTemplate jdbc;

    AlertSettings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The hours the person chose; empty when alerts are off. */
    Optional<Integer> afterHoursOf(long staffId) {
        return jdbc.queryForList("select after_hours from email_alerts where staff_id = ?", Integer.class, staffId)
                .stream().findFirst();
    }

    /** Turns alerts on after {@code afterHours} hours, or off when null; the last send time is kept. */
    void save(long staffId, Integer afterHours) {
        if (afterHours == null) {
            jdbc.update("delete from email_alerts where staff_id = ?", staffId);
        } else if (jdbc.update("update email_alerts set after_hours = ? where staff_id = ?", afterHours, staffId) == 0) {
            jdbc.update("insert into email_alerts (staff_id, after_hours) values (?, ?)", staffId, afterHours);
        }
    }

    /** Enabled staff with alerts on and an email address. */
    List<Subscriber> subscribers() {
        return jdbc.query("""
                select s.id, s.email, a.after_hours, a.last_sent_at from email_alerts a join staff s on s.id = a.staff_id
                where s.enabled = true and s.email is not null order by s.id""",
                (row, n) -> new Subscriber(row.getLong("id"), row.getString("email"), row.getInt("after_hours"),
                        Sql.instant(row, "last_sent_at")));
    }

    /**
     * Claims the alert of {@code now}: moves the last send time to now unless another run did within the hour.
     * The row lock makes a concurrent claim wait and then find the condition false, so only one run sends.
     */
    boolean claim(long staffId, Instant now) {
        return jdbc.update("""
                update email_alerts set last_sent_at = ?
                where staff_id = ? and (last_sent_at is null or last_sent_at <= ?)""",
                Sql.timestamp(now), staffId, Sql.timestamp(AlertRule.sentBeforeOrAt(now))) == 1;
    }
}
