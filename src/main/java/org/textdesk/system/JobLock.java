package org.textdesk.system;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Lets a scheduled job run on one instance at a time when several share the database: a row per job,
 * taken with one conditional UPDATE (plain SQL, so it works on the embedded default too) and held at
 * most {@code longest}, so a crashed instance cannot keep it.
 */
@Component
public class JobLock {

    private static final Logger log = LoggerFactory.getLogger(JobLock.class);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final String holder = "instance-" + UUID.randomUUID();

    JobLock(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Runs the job here if no other instance runs it now; returns whether it ran. */
    public boolean runAlone(String job, Duration longest, Runnable work) {
        Instant now = clock.instant();
        jdbc.update("insert into job_locks (name, locked_until, locked_by) values (?, ?, ?) on conflict do nothing",
                job, now.minusSeconds(1).atOffset(ZoneOffset.UTC), "nobody");
        int taken = jdbc.update("update job_locks set locked_until = ?, locked_by = ? where name = ? and locked_until < ?",
                now.plus(longest).atOffset(ZoneOffset.UTC), holder, job, now.atOffset(ZoneOffset.UTC));
        if (taken == 0) {
            log.debug("Job {} runs on another instance now; skipped here", job);
            return false;
        }
        try {
            work.run();
        } finally {
            jdbc.update("update job_locks set locked_until = ? where name = ? and locked_by = ?",
                    clock.instant().minusSeconds(1).atOffset(ZoneOffset.UTC), job, holder);
        }
        return true;
    }
}
