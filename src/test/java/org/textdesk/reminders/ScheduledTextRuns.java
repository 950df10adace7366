package org.textdesk.reminders;

import java.time.Instant;
import java.util.Optional;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Runs a scheduled text's task as the clustered scheduler would, for tests of modules built on reminders' queue
 * (group texts): with the clock pinned years ahead the real scheduler never finds these texts due, and the test
 * drives each one's turn in the order it chooses.
 */
public final class ScheduledTextRuns {

    private final ScheduledTextRun run;
    private final JdbcTemplate jdbc;

    public ScheduledTextRuns(ApplicationContext context) {
        this.run = context.getBean(ScheduledTextRun.class);
        this.jdbc = context.getBean(JdbcTemplate.class);
    }

    /** One run of the text's current task: empty when done with it, else when it asks to run again. */
    public Optional<Instant> run(long scheduledTextId) {
        int version = jdbc.queryForObject("select version from scheduled_texts where id = ?", Integer.class,
                scheduledTextId);
        return run.run(new ScheduledTextTask.Version(scheduledTextId, version));
    }
}
