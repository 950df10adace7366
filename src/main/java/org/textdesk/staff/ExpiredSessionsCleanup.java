package org.textdesk.staff;

import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.textdesk.system.RecurringJobs;

/**
 * Deletes expired sessions once a minute as a job of the clustered scheduler, in place of Spring Session's own
 * per-instance scheduler (spring.session.jdbc.cleanup-cron=-): one instance does it, not every instance, and a run
 * the database outage stops is said once by system.DatabaseAvailability instead of a stack trace per minute.
 */
@Configuration(proxyBeanMethods = false)
class ExpiredSessionsCleanup {

    static final String JOB = "expired-sessions-cleanup";

    @Bean
    Task<Void> expiredSessionsCleanupJob(RecurringJobs jobs, JdbcIndexedSessionRepository sessions) {
        return jobs.withFixedDelay(JOB, Duration.ofMinutes(1), sessions::cleanUpExpiredSessions);
    }
}
