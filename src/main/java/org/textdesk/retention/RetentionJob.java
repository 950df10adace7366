package org.textdesk.retention;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.LocalTime;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.textdesk.system.OrganisationTime;
import org.textdesk.system.RecurringJobs;

/**
 * The daily retention job on the clustered scheduler (system.SchedulerConfiguration registers every Task bean):
 * a db-scheduler recurring task, so one instance runs it each day (at {@code textdesk.retention.daily-at}, default
 * 03:30 in the organisation's time zone), and a run cut short (kill -9) is picked up again by another instance.
 * A failed run is tried at the next daily time; every step of a run can be done again safely. Its errors follow
 * the rule of every recurring job ({@link RecurringJobs}): an outage said once, other failures with their trace.
 */
@Configuration(proxyBeanMethods = false)
class RetentionJob {

    static final String TASK = "retention-daily";

    @Bean
    RecurringTask<Void> retentionDailyTask(RecurringJobs jobs, RetentionRun run, OrganisationTime organisationTime,
            @Value("${textdesk.retention.daily-at:03:30}") LocalTime dailyAt) {
        return jobs.on(TASK, Schedules.daily(organisationTime.zone(), dailyAt), run::run);
    }
}
