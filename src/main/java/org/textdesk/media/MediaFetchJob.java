package org.textdesk.media;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.dao.DataAccessException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks for files to fetch every {@code textdesk.media.poll-interval} (default 2 s) on every instance;
 * {@link MediaFetching}'s claims keep instances from fetching the same file.
 */
@Component
@ConditionalOnBooleanProperty(name = "textdesk.media.fetch-enabled", matchIfMissing = true)
class MediaFetchJob {

    private static final Logger log = LoggerFactory.getLogger(MediaFetchJob.class);

    private final MediaFetching fetching;

    MediaFetchJob(MediaFetching fetching) {
        this.fetching = fetching;
    }

    @Scheduled(initialDelayString = "${textdesk.media.poll-interval:2s}",
            fixedDelayString = "${textdesk.media.poll-interval:2s}")
    void fetchDue() {
        try {
            fetching.fetchDue();
        } catch (DataAccessException databaseAway) {
            // claims left behind expire; the next poll carries on
            log.warn("Fetching pictures paused: the database failed ({})", databaseAway.getClass().getSimpleName());
        }
    }
}
