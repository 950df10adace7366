package org.textdesk.system;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.ErrorHandler;

/**
 * Makes the recurring jobs of the clustered scheduler ({@link SchedulerConfiguration}): a module declares the
 * returned task as a bean and it runs on one instance at a time, {@code delay} after its last run ended, whichever
 * instance is free; one killed mid-run (kill -9) stops its heartbeats and another takes the job up again. The row in
 * scheduled_tasks (instance id "recurring") is written when the first instance starts.
 *
 * <p>Errors follow the rule of Spring's scheduled jobs ({@link ScheduledTaskErrorsConfiguration}): a run that fails
 * because the database is unreachable tells {@link DatabaseAvailability}, which says so once per outage, and the job
 * runs again after its delay; any other failure is logged with its stack trace. When the database went away during
 * the run, db-scheduler cannot write the next run either: the run waits for the database (instead of db-scheduler
 * logging a stack trace and leaving the job marked as picked until its check of dead runs, a minute later).
 */
@Component
public class RecurringJobs {

    /** How long a run that ended during an outage waits for the database to write the job's next run. */
    static final Duration WAIT_FOR_DATABASE = Duration.ofMinutes(2);
    private static final Duration PAUSE = Duration.ofSeconds(1);
    private static final Logger log = LoggerFactory.getLogger(RecurringJobs.class);

    private final DatabaseAvailability availability;
    private final ErrorHandler errors;

    RecurringJobs(DatabaseAvailability availability) {
        this.availability = availability;
        this.errors = ScheduledTaskErrorsConfiguration.errorHandler(availability);
    }

    /** A job named {@code name} that runs {@code work} again {@code delay} after each run ends. */
    public RecurringTask<Void> withFixedDelay(String name, Duration delay, Runnable work) {
        return on(name, FixedDelay.of(delay), work);
    }

    /** A job named {@code name} that runs {@code work} at the times of {@code schedule} (daily at 03:30, say). */
    public RecurringTask<Void> on(String name, Schedule schedule, Runnable work) {
        return new RecurringTask<Void>(name, schedule, Void.class) {

            @Override
            public CompletionHandler<Void> execute(TaskInstance<Void> instance, ExecutionContext context) {
                CompletionHandler<Void> reschedule = super.execute(instance, context);
                return (complete, operations) -> writeNextRun(name, () -> reschedule.complete(complete, operations));
            }

            @Override
            public void executeRecurringly(TaskInstance<Void> instance, ExecutionContext context) {
                try {
                    work.run();
                } catch (RuntimeException failed) {
                    errors.handleError(failed);
                }
            }
        };
    }

    /**
     * Writes the job's next run; when the database is unreachable, says so once and tries again each second for at
     * most {@link #WAIT_FOR_DATABASE}, so the job carries on as soon as the database is back.
     */
    private void writeNextRun(String name, Runnable write) {
        long deadline = System.nanoTime() + WAIT_FOR_DATABASE.toNanos();
        boolean said = false;
        while (true) {
            try {
                write.run();
                return;
            } catch (RuntimeException notWritten) {
                if (!unreachable(notWritten)) {
                    throw notWritten;
                }
                if (!said) {
                    log.info("Job {}: its next run cannot be written while the database is unreachable; waiting for "
                            + "the database", name);
                    said = true;
                }
                if (System.nanoTime() > deadline || !pause()) {
                    log.info("Job {}: the database did not come back; the scheduler's check of dead runs takes it up "
                            + "again", name);
                    return;
                }
            }
        }
    }

    /** Whether the failure is the database being away (then {@link DatabaseAvailability} says so, once). */
    private boolean unreachable(RuntimeException failure) {
        if (DatabaseFailures.unreachable(failure).isPresent()) {
            availability.unreachable(DatabaseFailures.unreachable(failure).get());
            return true;
        }
        return availability.isDown();
    }

    private static boolean pause() {
        try {
            Thread.sleep(PAUSE.toMillis());
            return true;
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
