package org.textdesk.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Turns: a thread that only waits for another's work gives its turn to the next meanwhile, and takes one again. */
class TurnsTest {

    @Test
    void aThreadWaitingAsideLetsTheNextTakeItsTurnAndTakesOneAgainAfter() throws Exception {
        Turns turns = new Turns(1, Duration.ofSeconds(10));
        CountDownLatch secondHasTurn = new CountDownLatch(1);
        CountDownLatch secondMayGo = new CountDownLatch(1);
        AtomicReference<Integer> freeWhileAside = new AtomicReference<>();
        assertThat(turns.take()).isTrue();
        assertThat(turns.free()).isZero();

        Thread second = new Thread(() -> {
            try {
                turns.take();
                secondHasTurn.countDown();
                secondMayGo.await(10, TimeUnit.SECONDS);
                turns.giveBack();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        String answer = Turns.asideWhile(() -> {
            second.start();
            // the second thread gets the only turn while this one waits aside
            assertThat(secondHasTurn.await(5, TimeUnit.SECONDS)).isTrue();
            freeWhileAside.set(turns.free());
            secondMayGo.countDown();
            return "written";
        });
        second.join(5000);

        assertThat(answer).isEqualTo("written");
        assertThat(freeWhileAside.get()).isZero();
        // this thread holds the turn again: none free until it gives it back
        assertThat(turns.free()).isZero();
        turns.giveBack();
        assertThat(turns.free()).isEqualTo(1);
    }

    @Test
    void withoutATurnWaitingAsideChangesNothing() throws Exception {
        Turns turns = new Turns(2, Duration.ofSeconds(1));
        assertThat(Turns.asideWhile(() -> turns.free())).isEqualTo(2);
        assertThat(turns.free()).isEqualTo(2);
        turns.giveBack(); // none held: nothing given back
        assertThat(turns.free()).isEqualTo(2);
    }

    @Test
    void aThreadThatWaitedTheLongestGoesOnWithoutATurnAndGivesNoneBack() throws Exception {
        Turns turns = new Turns(1, Duration.ofMillis(200));
        Thread holder = new Thread(() -> {
            try {
                turns.take();
                Thread.sleep(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                turns.giveBack();
            }
        });
        holder.start();
        while (turns.free() == 1) {
            Thread.onSpinWait();
        }
        assertThat(turns.take()).isFalse();
        turns.giveBack();
        assertThat(turns.free()).isZero();
        holder.interrupt();
        holder.join(5000);
        assertThat(turns.free()).isEqualTo(1);
    }

    @Test
    void atLeastOneTurn() {
        assertThatThrownBy(() -> new Turns(0, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
