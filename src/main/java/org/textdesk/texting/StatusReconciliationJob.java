package org.textdesk.texting;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs {@link StatusReconciliation} every {@code textdesk.reconciliation.interval} (default 5 minutes,
 * TEXTDESK_RECONCILIATION_INTERVAL), unless {@code textdesk.reconciliation.enabled} is false (as in
 * tests, which run it themselves). Several instances may run it at once: every write is conditional.
 */
@Component
@ConditionalOnBooleanProperty(name = "textdesk.reconciliation.enabled", matchIfMissing = true)
class StatusReconciliationJob {

    private final StatusReconciliation reconciliation;

    StatusReconciliationJob(StatusReconciliation reconciliation) {
        this.reconciliation = reconciliation;
    }

    @Scheduled(initialDelayString = "${textdesk.reconciliation.interval:5m}",
            fixedDelayString = "${textdesk.reconciliation.interval:5m}")
    void reconcile() {
        reconciliation.reconcile();
    }
}
