package org.textdesk.status;

import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.textdesk.system.RecurringJobs;

/**
 * Runs {@link StatusReconciliation} on the clustered scheduler every {@code textdesk.reconciliation.interval}
 * (default 5 minutes, TEXTDESK_RECONCILIATION_INTERVAL) after the last run ended, on one instance at a time, so
 * Twilio is not asked the same questions twice (its writes are conditional anyway); an instance killed mid-run
 * leaves the job to another. Unless {@code textdesk.reconciliation.enabled} is false (as in tests, which run it
 * themselves): an instance where it is off does not know the job and leaves it to the others.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "textdesk.reconciliation.enabled", matchIfMissing = true)
class StatusReconciliationJob {

    static final String JOB = "status-reconciliation";

    @Bean
    Task<Void> statusReconciliationTask(RecurringJobs jobs, StatusReconciliation reconciliation,
            @Value("${textdesk.reconciliation.interval:5m}") Duration interval) {
        return jobs.withFixedDelay(JOB, interval, reconciliation::reconcile);
    }
}
