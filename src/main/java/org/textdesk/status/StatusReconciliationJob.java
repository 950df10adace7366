package org.textdesk.status;

import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.textdesk.system.JobLock;

/**
 * Runs {@link StatusReconciliation} every {@code textdesk.reconciliation.interval} (default 5 minutes,
 * TEXTDESK_RECONCILIATION_INTERVAL), unless {@code textdesk.reconciliation.enabled} is false (as in
 * tests, which run it themselves). With several instances on one database it runs on one at a time
 * ({@link JobLock}), so Twilio is not asked the same questions twice; its writes are conditional anyway.
 */
@Component
@ConditionalOnBooleanProperty(name = "textdesk.reconciliation.enabled", matchIfMissing = true)
class StatusReconciliationJob {

    static final String JOB = "status-reconciliation";

    private final StatusReconciliation reconciliation;
    private final JobLock jobLock;

    StatusReconciliationJob(StatusReconciliation reconciliation, JobLock jobLock) {
        this.reconciliation = reconciliation;
        this.jobLock = jobLock;
    }

    @Scheduled(initialDelayString = "${textdesk.reconciliation.interval:5m}",
            fixedDelayString = "${textdesk.reconciliation.interval:5m}")
    void reconcile() {
        jobLock.runAlone(JOB, Duration.ofMinutes(30), reconciliation::reconcile);
    }
}
