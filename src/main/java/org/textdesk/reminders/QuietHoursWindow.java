package org.textdesk.reminders;

import java.sql.Time;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalTime;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The window an admin set for automated texts (Quiet hours page), else textdesk.quiet-hours.start/end. */
@Component
public class QuietHoursWindow {

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final QuietHours defaults;

    QuietHoursWindow(JdbcTemplate jdbc, Clock clock, @Value("${textdesk.quiet-hours.start:08:00}") LocalTime start,
            @Value("${textdesk.quiet-hours.end:21:00}") LocalTime end) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.defaults = new QuietHours(start, end);
    }

    public QuietHours current() {
        List<QuietHours> set = jdbc.query("select window_start, window_end from quiet_hours_window where id = 1",
                (row, n) -> new QuietHours(row.getTime(1).toLocalTime(), row.getTime(2).toLocalTime()));
        return set.isEmpty() ? defaults : set.get(0);
    }

    @Transactional
    void save(QuietHours window, long staffId) {
        jdbc.update("delete from quiet_hours_window where id = 1");
        jdbc.update("insert into quiet_hours_window (id, window_start, window_end, changed_by, changed_at) "
                + "values (1, ?, ?, ?, ?)", Time.valueOf(window.start()), Time.valueOf(window.end()), staffId,
                Timestamp.from(clock.instant()));
    }
}
