package org.textdesk.reminders;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clustered scheduler's task of scheduled texts: one instance per text version ({@code 42-v0}), due at the
 * text's time. A run sends it, or asks to run again later (quiet hours, the pace, a retry) by rescheduling the
 * same instance. A run that fails (the database away) is tried again a minute later; an instance killed
 * mid-run (kill -9) is picked up by another once its heartbeats stop, and finds the text claimed if it went.
 */
@Configuration(proxyBeanMethods = false)
class ScheduledTextTask {

    static final String NAME = "scheduled-text";

    @Bean
    CustomTask<Void> scheduledTextSendTask(ScheduledTextRun run) {
        return Tasks.custom(NAME, Void.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofMinutes(1)))
                .execute((instance, context) -> {
                    Optional<Instant> again = run.run(Version.parse(instance.getId()));
                    return again.<CompletionHandler<Void>>map(at -> (complete, operations) ->
                            operations.reschedule(complete, at)).orElseGet(CompletionHandler.OnCompleteRemove::new);
                });
    }

    /** A task instance's text and version. */
    record Version(long id, int version) {

        static Version parse(String instanceId) {
            int dash = instanceId.lastIndexOf("-v");
            return new Version(Long.parseLong(instanceId.substring(0, dash)),
                    Integer.parseInt(instanceId.substring(dash + 2)));
        }
    }
}
