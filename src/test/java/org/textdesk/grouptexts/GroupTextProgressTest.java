package org.textdesk.grouptexts;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A recipient's outcome from its scheduled text's state, and the group's progress, without a database. */
class GroupTextProgressTest {

    static GroupText.Recipient recipient(Long scheduledId, String state, String waitingFor) {
        return recipient(scheduledId, state, waitingFor, "SENT".equals(state) ? "queued" : null);
    }

    static GroupText.Recipient recipient(Long scheduledId, String state, String waitingFor, String messageStatus) {
        return new GroupText.Recipient(1, "Jordan Avery", scheduledId, state, waitingFor,
                Instant.parse("2030-03-05T16:00:00Z"), null, null, messageStatus, null,
                scheduledId == null ? "client.texting.notOkay" : null, null);
    }

    @Test
    void eachStateIsAnOutcome() {
        assertThat(List.of(recipient(null, null, null), recipient(1L, "SCHEDULED", null),
                recipient(1L, "SCHEDULED", "QUIET_HOURS"), recipient(1L, "SCHEDULED", "RETRY"),
                recipient(1L, "SENT", null), recipient(1L, "HELD", null), recipient(1L, "FAILED", null),
                recipient(1L, "CANCELLED", null))).extracting(GroupText.Recipient::outcome).containsExactly(
                GroupText.Outcome.LEFT_OUT, GroupText.Outcome.QUEUED, GroupText.Outcome.WAITING_QUIET_HOURS,
                GroupText.Outcome.RETRYING, GroupText.Outcome.SENT, GroupText.Outcome.HELD, GroupText.Outcome.FAILED,
                GroupText.Outcome.CANCELLED);
    }

    @Test
    void progressCountsOnlyTheClientsGettingItAndFinishesWhenNoneWaits() {
        GroupText.Progress progress = GroupText.Progress.of(List.of(recipient(null, null, null),
                recipient(1L, "SENT", null), recipient(2L, "HELD", null), recipient(3L, "FAILED", null),
                recipient(4L, "CANCELLED", null), recipient(5L, "SCHEDULED", "QUIET_HOURS"),
                recipient(6L, "SCHEDULED", "RETRY"), recipient(7L, "SCHEDULED", null)));

        assertThat(progress).isEqualTo(new GroupText.Progress(7, 4, 1, 2, 1, 1, 0));
        assertThat(progress.finished()).isFalse();
        assertThat(progress.allSettled()).isFalse();
        assertThat(progress.percent()).isEqualTo(57);

        GroupText.Progress done = GroupText.Progress.of(List.of(recipient(1L, "SENT", null),
                recipient(2L, "HELD", null)));
        assertThat(done.finished()).isTrue();
        assertThat(done.allSettled()).isTrue();
        assertThat(done.percent()).isEqualTo(100);
        assertThat(GroupText.Progress.of(List.of(recipient(null, null, null))).percent()).isEqualTo(100);
    }

    @Test
    void aTextClaimedButNotYetAnsweredByTwilioKeepsThePageAskingThoughNothingIsLeftToCancel() {
        GroupText.Progress handingOver = GroupText.Progress.of(List.of(recipient(1L, "SENT", null, "queued"),
                recipient(2L, "SENT", null, "pending")));

        assertThat(handingOver.handingOver()).isEqualTo(1);
        assertThat(handingOver.allSettled()).isTrue();
        assertThat(handingOver.finished()).isFalse();
        assertThat(handingOver.percent()).isEqualTo(100);
    }
}
