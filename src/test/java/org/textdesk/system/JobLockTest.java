package org.textdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.textdesk.IntegrationTest;

/** Two instances (two locks with their own holder names) on one database: a job runs on one at a time. */
class JobLockTest extends IntegrationTest {

    @Test
    void whileOneInstanceRunsTheJobTheOtherSkipsItAndRunsItAfterwards() {
        JobLock first = new JobLock(jdbc, Clock.systemUTC());
        JobLock second = new JobLock(jdbc, Clock.systemUTC());
        AtomicBoolean secondRanInside = new AtomicBoolean(true);
        AtomicInteger runs = new AtomicInteger();

        boolean firstRan = first.runAlone("test-job", Duration.ofMinutes(5), () -> {
            runs.incrementAndGet();
            secondRanInside.set(second.runAlone("test-job", Duration.ofMinutes(5), runs::incrementAndGet));
        });

        assertThat(firstRan).isTrue();
        assertThat(secondRanInside).isFalse();
        assertThat(runs).hasValue(1);
        assertThat(second.runAlone("test-job", Duration.ofMinutes(5), runs::incrementAndGet)).isTrue();
        assertThat(runs).hasValue(2);
    }

    @Test
    void aLockLeftByACrashedInstanceExpires() {
        jdbc.update("insert into job_locks (name, locked_until, locked_by) values ('test-job', now() - interval '1 minute', 'crashed')");
        assertThat(new JobLock(jdbc, Clock.systemUTC()).runAlone("test-job", Duration.ofMinutes(5), () -> { }))
                .isTrue();
        jdbc.update("update job_locks set locked_until = now() + interval '10 minutes', locked_by = 'busy'");
        assertThat(new JobLock(jdbc, Clock.systemUTC()).runAlone("test-job", Duration.ofMinutes(5), () -> { }))
                .isFalse();
    }
}
