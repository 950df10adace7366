package org.textdesk;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The application's clock in tests: the real time until a test pins it ({@link #pin}), then that moment until it
 * moves it ({@link #advance}) or {@link #release}s it. Every test starts released ({@link IntegrationTest}), so
 * tests that do not pin it see the application as it runs.
 */
public final class TestClock extends Clock {

    private volatile Instant pinned;

    public void pin(Instant moment) {
        pinned = moment;
    }

    public void advance(Duration duration) {
        Instant current = pinned;
        if (current == null) {
            throw new IllegalStateException("pin the clock before moving it");
        }
        pinned = current.plus(duration);
    }

    public void release() {
        pinned = null;
    }

    @Override
    public Instant instant() {
        Instant current = pinned;
        return current == null ? Instant.now() : current;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** The same moments, seen in another zone. */
    @Override
    public Clock withZone(ZoneId zone) {
        TestClock source = this;
        return new Clock() {
            @Override
            public Instant instant() {
                return source.instant();
            }

            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return source.withZone(other);
            }
        };
    }

    /** Puts it in place of the application's clock. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock();
        }
    }
}
