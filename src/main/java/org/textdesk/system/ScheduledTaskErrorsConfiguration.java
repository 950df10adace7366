package org.textdesk.system;

import org.springframework.boot.task.SimpleAsyncTaskSchedulerCustomizer;
import org.springframework.boot.task.ThreadPoolTaskSchedulerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.support.TaskUtils;
import org.springframework.util.ErrorHandler;

/**
 * A background job that fails because the database is unreachable tells {@link DatabaseAvailability}, which logs it
 * once, instead of logging a stack trace at each run; any other failure is logged with its stack trace as before.
 * The same rule serves Spring's task scheduler (the in-memory fast path of recording Twilio's answers) and the
 * clustered scheduler's recurring jobs ({@link RecurringJobs}).
 */
@Configuration(proxyBeanMethods = false)
class ScheduledTaskErrorsConfiguration {

    @Bean
    SimpleAsyncTaskSchedulerCustomizer databaseAwareErrorsOnVirtualThreads(DatabaseAvailability availability) {
        return scheduler -> scheduler.setErrorHandler(errorHandler(availability));
    }

    @Bean
    ThreadPoolTaskSchedulerCustomizer databaseAwareErrorsOnPlatformThreads(DatabaseAvailability availability) {
        return scheduler -> scheduler.setErrorHandler(errorHandler(availability));
    }

    static ErrorHandler errorHandler(DatabaseAvailability availability) {
        return failure -> DatabaseFailures.unreachable(failure).ifPresentOrElse(availability::unreachable,
                () -> TaskUtils.LOG_AND_SUPPRESS_ERROR_HANDLER.handleError(failure));
    }
}
