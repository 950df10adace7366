package org.textdesk.media;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The media option of Twilio Setup: "Delete pictures at Twilio once TextDesk has them" (off unless an admin
 * turns it on; Twilio keeps every file it received until it is deleted). One row, id 1.
 */
@Component
public class MediaSettings {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    MediaSettings(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Read by the Twilio Setup page and by the fetch job after each file it stored. */
    public boolean deletesAtTwilio() {
        List<Boolean> value = jdbc.queryForList("select delete_at_twilio from media_settings where id = 1",
                Boolean.class);
        return !value.isEmpty() && Boolean.TRUE.equals(value.get(0));
    }

    void change(boolean deleteAtTwilio, long staffId) {
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        int updated = jdbc.update("update media_settings set delete_at_twilio = ?, changed_by = ?, changed_at = ? "
                + "where id = 1", deleteAtTwilio, staffId, now);
        if (updated == 0) {
            jdbc.update("insert into media_settings (id, delete_at_twilio, changed_by, changed_at) values (1, ?, ?, ?)",
                    deleteAtTwilio, staffId, now);
        }
    }
}
