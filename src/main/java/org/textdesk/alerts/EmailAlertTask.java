package org.textdesk.alerts;

import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.textdesk.system.RecurringJobs;

/**
 * The email alert check as a recurring job of the clustered scheduler (system.RecurringJobs): one instance of
 * TextDesk runs it at a time, every textdesk.alerts.check-interval; a run the database outage stops is said once.
 *
 * <p>Only an instance with a mail server (spring.mail.host) knows the job: db-scheduler runs a job only on the
 * instances that know it, so an instance set up without mail never takes the run from one that could send.
 */
@Configuration(proxyBeanMethods = false)
class EmailAlertTask {

    static final String NAME = "email-alerts";

    @Bean
    @ConditionalOnProperty("spring.mail.host")
    Task<Void> emailAlertsTask(RecurringJobs jobs, EmailAlerts alerts, Clock clock,
            @Value("${textdesk.alerts.check-interval}") Duration interval) {
        return jobs.withFixedDelay(NAME, interval, () -> alerts.sendDue(clock.instant()));
    }
}
