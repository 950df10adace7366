package org.textdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Pages in flight: counted while served, not the webhooks, streams or static files; webhooks let them go first. */
class PagesInFlightTest {

    private final PagesInFlight pages = new PagesInFlight();

    private int countSeenDuring(String path) throws Exception {
        AtomicInteger seen = new AtomicInteger(-1);
        pages.doFilter(new MockHttpServletRequest("GET", path), new MockHttpServletResponse(),
                (request, response) -> seen.set(pages.count()));
        return seen.get();
    }

    @Test
    void aPageIsCountedWhileItIsServedAndNoLonger() throws Exception {
        assertThat(countSeenDuring("/clients")).isEqualTo(1);
        assertThat(countSeenDuring("/scheduled")).isEqualTo(1);
        assertThat(pages.count()).isZero();
    }

    @Test
    void webhooksStreamsAndStaticFilesAreNotPages() throws Exception {
        assertThat(countSeenDuring("/twilio/status")).isZero();
        assertThat(countSeenDuring("/twilio/sms")).isZero();
        assertThat(countSeenDuring("/events")).isZero();
        assertThat(countSeenDuring("/css/textdesk.css")).isZero();
        assertThat(countSeenDuring("/js/live.js")).isZero();
    }

    @Test
    void aPageThatFailsIsNoLongerCounted() {
        try {
            pages.doFilter(new MockHttpServletRequest("GET", "/clients"), new MockHttpServletResponse(),
                    (request, response) -> {
                        throw new IllegalStateException("the page failed");
                    });
        } catch (Exception expected) {
            assertThat(expected).hasMessageContaining("the page failed");
        }
        assertThat(pages.count()).isZero();
    }

    @Test
    void lettingPagesGoFirstWaitsUntilTheyEndOrTheLongestWait() throws Exception {
        long before = System.nanoTime();
        pages.letPagesGoFirst(Duration.ofSeconds(5));
        assertThat(Duration.ofNanos(System.nanoTime() - before)).as("no page: no wait").isLessThan(Duration.ofSeconds(1));

        CountDownLatch pageMayEnd = new CountDownLatch(1);
        Thread page = new Thread(() -> {
            try {
                pages.doFilter(new MockHttpServletRequest("GET", "/inbox"), new MockHttpServletResponse(),
                        (request, response) -> {
                            try {
                                pageMayEnd.await(10, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        page.start();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> pages.count() == 1);

        before = System.nanoTime();
        pages.letPagesGoFirst(Duration.ofMillis(300));
        assertThat(Duration.ofNanos(System.nanoTime() - before)).as("a page that goes on: the longest wait")
                .isGreaterThanOrEqualTo(Duration.ofMillis(300)).isLessThan(Duration.ofSeconds(3));

        Thread ender = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            pageMayEnd.countDown();
        });
        before = System.nanoTime();
        ender.start();
        pages.letPagesGoFirst(Duration.ofSeconds(10));
        assertThat(Duration.ofNanos(System.nanoTime() - before)).as("until the page ends")
                .isGreaterThanOrEqualTo(Duration.ofMillis(150)).isLessThan(Duration.ofSeconds(5));
        page.join(5000);
        assertThat(pages.count()).isZero();
    }
}
