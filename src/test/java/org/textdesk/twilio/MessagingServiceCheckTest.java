package org.textdesk.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.textdesk.twilio.MessagingServiceCheck.Outcome;

/** How a failed Messaging Service fetch is read: Twilio's answer (or its absence) in one word. */
class MessagingServiceCheckTest {

    @Test
    void aServiceFoundKeepsItsName() {
        assertThat(MessagingServiceCheck.found("Caseworkers")).isEqualTo(
                new MessagingServiceCheck(Outcome.FOUND, "Caseworkers", null, null, null, null, null));
        assertThat(MessagingServiceCheck.found(null).serviceName()).isEmpty();
        assertThat(MessagingServiceCheck.found("x").isFound()).isTrue();
    }

    @Test
    void whetherTheTwilioNumberIsASenderIsKeptBesideTheName() {
        assertThat(MessagingServiceCheck.found("Caseworkers").withNumberInSenderPool(false)).isEqualTo(
                new MessagingServiceCheck(Outcome.FOUND, "Caseworkers", null, null, null, null, false));
        assertThat(MessagingServiceCheck.found("Caseworkers").withNumberInSenderPool(true).numberInSenderPool())
                .isTrue();
        assertThat(MessagingServiceCheck.found("Caseworkers").numberInSenderPool()).isNull();
    }

    @Test
    void aServiceOfAnotherAccountNamesThatAccount() {
        MessagingServiceCheck check = MessagingServiceCheck.ofAnotherAccount("AC99999999999999999999999999999999");
        assertThat(check).isEqualTo(new MessagingServiceCheck(Outcome.OTHER_ACCOUNT, null,
                "AC99999999999999999999999999999999", null, null, null, null));
        assertThat(check.isFound()).isFalse();
    }

    @Test
    void twiliosErrorAnswersAreSortedByStatusAndCode() {
        assertThat(MessagingServiceCheck.from(new TwilioFailure(null, 404, 20404, false)))
                .isEqualTo(new MessagingServiceCheck(Outcome.NOT_FOUND, null, null, null, 404, 20404, null));
        assertThat(MessagingServiceCheck.from(new TwilioFailure(null, 403, 20403, false)).outcome())
                .isEqualTo(Outcome.OTHER_ACCOUNT);
        assertThat(MessagingServiceCheck.from(new TwilioFailure(null, 401, 20003, false)))
                .isEqualTo(new MessagingServiceCheck(Outcome.BAD_CREDENTIALS, null, null, null, 401, 20003, null));
        // Twilio's error 20003 decides, whatever the HTTP status
        assertThat(MessagingServiceCheck.from(new TwilioFailure(null, 404, 20003, false)).outcome())
                .isEqualTo(Outcome.BAD_CREDENTIALS);
        assertThat(MessagingServiceCheck.from(new TwilioFailure(null, 500, 20500, false)).outcome())
                .isEqualTo(Outcome.OTHER_ERROR);
        assertThat(MessagingServiceCheck.from(new TwilioFailure(null, 400, null, false)).outcome())
                .isEqualTo(Outcome.OTHER_ERROR);
        assertThat(MessagingServiceCheck.from(new TwilioFailure(null, null, null, false)))
                .isEqualTo(new MessagingServiceCheck(Outcome.OTHER_ERROR, null, null, null, null, null, null));
    }

    @Test
    void noAnswerIsUnreachableWithTheReason() {
        assertThat(MessagingServiceCheck.from(new TwilioFailure(NetworkFailure.TIMED_OUT, null, null, true)))
                .isEqualTo(new MessagingServiceCheck(Outcome.UNREACHABLE, null, null, NetworkFailure.TIMED_OUT, null,
                        null, null));
    }
}
