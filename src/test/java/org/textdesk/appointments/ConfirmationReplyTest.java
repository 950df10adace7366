package org.textdesk.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The answers to a reminder written out: what counts as C / R and what is left for the caseworker to read. */
class ConfirmationReplyTest {

    @ParameterizedTest
    @ValueSource(strings = {"C", "c", "C.", " c ", "confirm", "CONFIRM", "Confirm!", "confirm!", "\"C\"", "(c)",
            "C\n", "¡Confirm!", "C\u200B"})
    void confirms(String body) {
        assertThat(ConfirmationReply.of(body)).contains(ConfirmationReply.CONFIRMED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"R", "r", "R.", "Reschedule", "RESCHEDULE", "reschedule?", " r! "})
    void asksToReschedule(String body) {
        assertThat(ConfirmationReply.of(body)).contains(ConfirmationReply.RESCHEDULE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Cool", "Correct", "C please", "C or R", "CR", "CC", "Confirmed", "Yes", "Y", "OK",
            "STOP", "HELP", "", "   ", "...", "C R", "Re schedule", "C1", "Ç"})
    void isNotAnAnswer(String body) {
        assertThat(ConfirmationReply.of(body)).isEmpty();
    }

    @ParameterizedTest
    @NullSource
    void noBodyIsNotAnAnswer(String body) {
        assertThat(ConfirmationReply.of(body)).isEmpty();
    }
}
