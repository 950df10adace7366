package org.textdesk.alerts;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The email alert check as a recurring task of the clustered scheduler (system.SchedulerConfiguration): one
 * instance of TextDesk runs it at a time, every textdesk.alerts.check-interval.
 */
@Configuration(proxyBeanMethods = false)
class EmailAlertTask {

    static final String NAME = "email-alerts";

    @Bean
    RecurringTask<Void> emailAlertsTask(EmailAlerts alerts, Clock clock,
            @Value("${textdesk.alerts.check-interval}") Duration interval) {
        return Tasks.recurring(NAME, FixedDelay.of(interval)).execute((instance, context) -> alerts.sendDue(
                clock.instant()));
    }
}
