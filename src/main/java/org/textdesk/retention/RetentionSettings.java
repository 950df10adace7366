package org.textdesk.retention;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The retention settings: one row, id 1, as the media option of Twilio Setup keeps its own (media_settings). */
@Component
class RetentionSettings {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    RetentionSettings(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Read by the settings page and at the start of each daily run (so a change applies at the next run). */
    RetentionPolicy current() {
        List<RetentionPolicy> saved = jdbc.query("select keep_months, delete_at_twilio from retention_settings where id = 1",
                (row, n) -> new RetentionPolicy(new KeepMonths((Integer) row.getObject(1, Integer.class)),
                        row.getBoolean(2)));
        return saved.isEmpty() ? RetentionPolicy.DEFAULT : saved.get(0);
    }

    @Transactional
    void change(RetentionPolicy policy, long staffId) {
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        // the row is made the first time (by whichever admin saves first), then changed
        jdbc.update("""
                insert into retention_settings (id, keep_months, delete_at_twilio, changed_by, changed_at)
                values (1, null, false, ?, ?) on conflict do nothing""", staffId, now);
        jdbc.update("""
                update retention_settings set keep_months = ?, delete_at_twilio = ?, changed_by = ?, changed_at = ?
                where id = 1""", policy.keep().months(), policy.deleteAtTwilio(), staffId, now);
    }
}
