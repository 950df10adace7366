package org.textdesk.media;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks for files to fetch every {@code textdesk.media.poll-interval} (default 2 s) on every instance;
 * {@link MediaFetching}'s claims keep instances from fetching the same file. A poll that fails because the
 * database is away goes to the scheduler's error handler (system.ScheduledTaskErrorsConfiguration), which says so
 * once per outage; claims left behind expire and the next poll carries on.
 */
@Component
@ConditionalOnBooleanProperty(name = "textdesk.media.fetch-enabled", matchIfMissing = true)
class MediaFetchJob {

    private final MediaFetching fetching;

    MediaFetchJob(MediaFetching fetching) {
        this.fetching = fetching;
    }

    @Scheduled(initialDelayString = "${textdesk.media.poll-interval:2s}",
            fixedDelayString = "${textdesk.media.poll-interval:2s}")
    void fetchDue() {
        fetching.fetchDue();
    }
}
