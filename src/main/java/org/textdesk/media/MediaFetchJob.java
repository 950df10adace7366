package org.textdesk.media;

import com.github.kagkarlsson.scheduler.task.Task;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.textdesk.system.RecurringJobs;

/**
 * Fetches the files that are due, on the clustered scheduler, {@code textdesk.media.poll-interval} (default 2 s)
 * after the last run ended, on one instance at a time; {@link MediaFetching}'s claims still hold each file for one
 * instance, so a run that db-scheduler takes up again after an instance stopped answering (a long pause, kill -9)
 * never fetches a file the first one is fetching.
 *
 * <p>Why one job that drains the due rows rather than one db-scheduler task per file: the files are written with
 * their text by the webhook's single data-modifying statement on PostgreSQL (inbox.IncomingTextBatches), which
 * scheduling through db-scheduler's client cannot join; the rows themselves are the durable queue (state, attempts,
 * next_attempt_at with the doubling waits), so nothing is lost when an instance dies, and rows written by any path
 * (SQL included) are fetched.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "textdesk.media.fetch-enabled", matchIfMissing = true)
class MediaFetchJob {

    static final String JOB = "media-fetch";

    @Bean
    Task<Void> mediaFetchTask(RecurringJobs jobs, MediaFetching fetching,
            @Value("${textdesk.media.poll-interval:2s}") Duration interval) {
        return jobs.withFixedDelay(JOB, interval, fetching::fetchDue);
    }
}
