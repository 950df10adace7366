package org.textdesk.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The per-person read rule, without a database: a mark reads a timeline up to one text, in time then id order. */
class ReadMarkTest {

    private static final Instant NINE = Instant.parse("2026-03-02T09:00:00Z");
    private static final Instant NINE_AND_A_MICROSECOND = Instant.parse("2026-03-02T09:00:00.000001Z");
    private static final Instant EIGHT = Instant.parse("2026-03-02T08:00:00Z");

    private final ReadMark throughText40AtNine = new ReadMark(NINE, 40);

    @Test
    void aLaterTextIsAfterTheMarkAnEarlierOneIsNot() {
        assertThat(throughText40AtNine.isBefore(NINE_AND_A_MICROSECOND, 12)).isTrue();
        assertThat(throughText40AtNine.isBefore(EIGHT, 99)).isFalse();
    }

    @Test
    void atTheSameTimeTheTextIdDecides() {
        assertThat(throughText40AtNine.isBefore(NINE, 41)).isTrue();
        assertThat(throughText40AtNine.isBefore(NINE, 40)).as("the marked text itself is read").isFalse();
        assertThat(throughText40AtNine.isBefore(NINE, 39)).isFalse();
    }

    @Test
    void withoutAMarkATextIsUnreadUntilAnyoneReadsIt() {
        assertThat(ReadMark.unreadFor(null, NINE, 40, false)).isTrue();
        assertThat(ReadMark.unreadFor(null, NINE, 40, true)).isFalse();
    }

    @Test
    void withAMarkWhatOthersReadDoesNotCount() {
        assertThat(ReadMark.unreadFor(throughText40AtNine, NINE, 41, true)).isTrue();
        assertThat(ReadMark.unreadFor(throughText40AtNine, NINE, 40, false)).isFalse();
        assertThat(ReadMark.unreadFor(throughText40AtNine, EIGHT, 41, false)).isFalse();
    }

    @Test
    void aMarkNeedsItsTime() {
        assertThatThrownBy(() -> new ReadMark(null, 40)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("time");
    }
}
