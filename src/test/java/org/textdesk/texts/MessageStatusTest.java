package org.textdesk.texts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The status ranks of DESIGN.md "Twilio webhooks", written out here rather than read from MessageStatus:
 * accepted, scheduled, queued 0; sending 1; sent 2; delivered, undelivered, failed, canceled 3; read 4;
 * plus TextDesk's own pending (-2), unknown (-1), not_sent and received (3). Anything else ranks 0.
 */
class MessageStatusTest {

    @ParameterizedTest(name = "{0} ranks {1}, final {2}, problem {3}, tone {4}")
    @CsvSource(delimiter = '|', textBlock = """
            pending       | -2 | false | false | muted
            unknown       | -1 | false | false | bad
            accepted      |  0 | false | false | muted
            scheduled     |  0 | false | false | muted
            queued        |  0 | false | false | muted
            sending       |  1 | false | false | muted
            sent          |  2 | false | false | muted
            delivered     |  3 | true  | false | ok
            undelivered   |  3 | true  | true  | bad
            failed        |  3 | true  | true  | bad
            canceled      |  3 | true  | true  | bad
            not_sent      |  3 | true  | true  | bad
            received      |  3 | true  | false | ok
            read          |  4 | true  | false | ok
            partially_delivered | 0 | false | false | muted
            receiving     |  0 | false | false | muted
            ''            |  0 | false | false | muted
            """)
    void eachStatusHasItsRankAndLook(String status, int rank, boolean isFinal, boolean problem, String tone) {
        assertThat(MessageStatus.rank(status)).isEqualTo(rank);
        assertThat(MessageStatus.isFinal(status)).isEqualTo(isFinal);
        assertThat(MessageStatus.isProblem(status)).isEqualTo(problem);
        assertThat(MessageStatus.tone(status)).isEqualTo(tone);
    }

    @ParameterizedTest(name = "{0} is step {1} within its rank")
    @CsvSource(delimiter = '|', textBlock = """
            accepted  | 0
            scheduled | 1
            queued    | 2
            ' Queued' | 2
            sending   | 0
            delivered | 0
            receiving | 0
            """)
    void acceptedComesBeforeScheduledAndQueuedWithinTheirRank(String status, int step) {
        assertThat(MessageStatus.stepWithinRank(status)).isEqualTo(step);
    }

    @Test
    void twiliosWordsAreReadInAnyCaseWithSpacesAround() {
        assertThat(MessageStatus.normalise("  Delivered\n")).isEqualTo("delivered");
        assertThat(MessageStatus.normalise("SENT")).isEqualTo("sent");
        assertThat(MessageStatus.normalise(null)).isEqualTo("");
        assertThat(MessageStatus.rank(" DELIVERED ")).isEqualTo(3);
        assertThat(MessageStatus.rank(null)).isEqualTo(0);
        assertThat(MessageStatus.isProblem(" Failed")).isTrue();
        assertThat(MessageStatus.tone("READ ")).isEqualTo("ok");
        assertThat(MessageStatus.tone(" Unknown")).isEqualTo("bad");
    }

    @Test
    void theOwnStatesAreSpelledAsStored() {
        assertThat(MessageStatus.PENDING).isEqualTo("pending");
        assertThat(MessageStatus.NOT_SENT).isEqualTo("not_sent");
        assertThat(MessageStatus.UNKNOWN).isEqualTo("unknown");
        assertThat(MessageStatus.RECEIVED).isEqualTo("received");
    }
}
