package org.textdesk.reminders;

import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * For tests of other modules whose texts go as scheduled texts (appointment reminders): one run of a scheduled
 * text's task at the test clock's time, as the clustered scheduler would run it, at the text's current version.
 */
public final class DueScheduledTexts {

    private DueScheduledTexts() {
    }

    /** Runs the text's task once; empty when it is done with, else when it asks to run again. */
    public static Optional<Instant> runOnce(ApplicationContext context, long scheduledId) {
        int version = context.getBean(JdbcTemplate.class).queryForObject(
                "select version from scheduled_texts where id = ?", Integer.class, scheduledId);
        return context.getBean(ScheduledTextRun.class).run(new ScheduledTextTask.Version(scheduledId, version));
    }
}
