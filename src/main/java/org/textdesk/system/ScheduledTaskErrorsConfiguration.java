package org.textdesk.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.support.TaskUtils;
import org.springframework.util.ErrorHandler;

/**
 * A background job that fails because the database is unreachable tells {@link DatabaseAvailability}, which logs it
 * once, instead of logging a stack trace at each run; any other failure is logged with its stack trace as before.
 * The same rule serves Spring's task scheduler (Spring Session's cleanup of expired sessions, the in-memory fast
 * path of recording Twilio's answers) and the clustered scheduler's recurring jobs ({@link RecurringJobs}).
 */
@Configuration(proxyBeanMethods = false)
class ScheduledTaskErrorsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(ScheduledTaskErrorsConfiguration.class);

    @Bean
    SimpleAsyncTaskSchedulerCustomizer databaseAwareErrorsOnVirtualThreads(DatabaseAvailability availability) {
        return scheduler -> scheduler.setErrorHandler(errorHandler(availability));
    }

    @Bean
    ThreadPoolTaskSchedulerCustomizer databaseAwareErrorsOnPlatformThreads(DatabaseAvailability availability) {
        return scheduler -> scheduler.setErrorHandler(errorHandler(availability));
    }

    static ErrorHandler errorHandler(DatabaseAvailability availability) {
        return failure -> {
            if (DatabaseFailures.unreachable(failure).isPresent()) {
                availability.unreachable(DatabaseFailures.unreachable(failure).get());
            } else if (availability.isDown()) {
                // While the database is away a job can fail in ways no driver marks as a connection failure
                // (a wrapper without its cause); one line, no stack trace: the outage is already in the log.
                log.info("A scheduled job failed while the database is unreachable: {}",
                        DatabaseFailures.describe(failure));
            } else {
                TaskUtils.LOG_AND_SUPPRESS_ERROR_HANDLER.handleError(failure);
            }
        };
    }
}
