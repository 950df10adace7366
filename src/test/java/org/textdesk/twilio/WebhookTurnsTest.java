package org.textdesk.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.textdesk.system.PagesInFlight;

/** The webhooks' turns: at most so many at once, the others wait in order, none refused. */
class WebhookTurnsTest {

    private final List<String> entered = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    private Thread post(WebhookTurns turns, String name) {
        Thread thread = new Thread(() -> {
            try {
                turns.doFilter(new MockHttpServletRequest("POST", "/twilio/status"), new MockHttpServletResponse(),
                        (request, response) -> {
                            entered.add(name);
                            try {
                                release.await(10, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, name);
        thread.start();
        return thread;
    }

    @Test
    void aWebhookBeyondThePermitsWaitsUntilOneEndsThenGoesAhead() throws InterruptedException {
        WebhookTurns turns = new WebhookTurns(2, Duration.ofSeconds(10), new PagesInFlight());
        Thread first = post(turns, "first");
        Thread second = post(turns, "second");
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> entered.size() == 2);
        Thread third = post(turns, "third");
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> turns.turns().waiting() == 1);
        Thread.sleep(200);
        assertThat(entered).containsExactlyInAnyOrder("first", "second");

        release.countDown();
        for (Thread thread : List.of(first, second, third)) {
            thread.join(5000);
        }
        assertThat(entered).containsExactlyInAnyOrder("first", "second", "third");
        assertThat(turns.turns().waiting()).isZero();
    }

    @Test
    void aWebhookThatWaitedTheLongestWaitGoesAheadAnyway() throws InterruptedException {
        WebhookTurns turns = new WebhookTurns(1, Duration.ofMillis(300), new PagesInFlight());
        Thread first = post(turns, "first");
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> entered.size() == 1);
        long before = System.nanoTime();
        Thread second = post(turns, "second");
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> entered.size() == 2);
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        release.countDown();
        first.join(5000);
        second.join(5000);
        // the one that went ahead without a turn gives none back: one turn again, not two
        assertThat(turns.turns().free()).isEqualTo(1);
    }

    @Test
    void turnsAreFromTheMachinesCoresAndAtLeastOne() {
        assertThat(WebhookTurns.defaultPermits(1)).isEqualTo(4);
        assertThat(WebhookTurns.defaultPermits(2)).isEqualTo(4);
        assertThat(WebhookTurns.defaultPermits(8)).isEqualTo(16);
        assertThatThrownBy(() -> new WebhookTurns(0, new PagesInFlight())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("webhook-concurrency");
    }

    @Test
    void aWebhookLetsThePagesBeingServedGoFirstForAMoment() throws Exception {
        PagesInFlight pages = new PagesInFlight();
        WebhookTurns turns = new WebhookTurns(4, Duration.ofSeconds(10), pages);
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

        long before = System.nanoTime();
        Thread webhook = post(turns, "webhook");
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> entered.size() == 1);
        // the page went on: the webhook waited its moment, then went ahead anyway
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isGreaterThanOrEqualTo(WebhookTurns.PAGES_FIRST);
        release.countDown();
        pageMayEnd.countDown();
        webhook.join(5000);
        page.join(5000);
    }
}
