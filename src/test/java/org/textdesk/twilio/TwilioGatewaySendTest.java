package org.textdesk.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.textdesk.FakeTwilio;
import org.textdesk.FakeTwilio.Answer;
import org.textdesk.IntegrationTest;

/** How the gateway reports each way a send can end; the send flow stores these outcomes. */
class TwilioGatewaySendTest extends IntegrationTest {

    @Test
    void aClosedPortIsNotReachedSoTheTextWasNotSent() throws IOException {
        TwilioSetup setup = configureTwilio();
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        TwilioGateway nowhere = new TwilioGateway("http://localhost:" + closedPort, Duration.ofSeconds(2),
                Duration.ofSeconds(2));
        try {
            SendAttempt attempt = nowhere.sendMessage(setup, "+14045387319", "Hello");
            assertThat(attempt.outcome()).isEqualTo(SendAttempt.Outcome.NOT_REACHED);
            assertThat(attempt.errorCode()).isEqualTo("NETWORK");
        } finally {
            nowhere.destroy();
        }
    }

    @Test
    void aReadTimeoutMeansTheAnswerWasLostNotThatNothingWasSent() {
        TwilioSetup setup = configureTwilio();
        fakeTwilio.answer("POST", FakeTwilio.MESSAGES_PATH, Answer.json(201, "{}").delayedBy(Duration.ofSeconds(3)));
        TwilioGateway impatient = new TwilioGateway(fakeTwilio.baseUrl(), Duration.ofSeconds(1), Duration.ofSeconds(1));
        try {
            SendAttempt attempt = impatient.sendMessage(setup, "+14045387319", "Hello");
            assertThat(attempt.outcome()).isEqualTo(SendAttempt.Outcome.NO_ANSWER);
            assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).hasSize(1);
        } finally {
            impatient.destroy();
        }
    }

    @Test
    void aTwilioErrorCarriesItsCodeAndIsNeverRetried() {
        TwilioSetup setup = configureTwilio();
        fakeTwilio.answer("POST", FakeTwilio.MESSAGES_PATH, Answer.twilioError(500, 20500, "Internal Server Error"));
        SendAttempt attempt = new TwilioGateway(fakeTwilio.baseUrl(), Duration.ofSeconds(2), Duration.ofSeconds(2))
                .sendMessage(setup, "+14045387319", "Hello");
        assertThat(attempt.outcome()).isEqualTo(SendAttempt.Outcome.REFUSED);
        assertThat(attempt.errorCode()).isEqualTo("20500");
        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).hasSize(1);
    }

    @Test
    void anAcceptedTextCarriesItsSidAndFirstStatus() {
        TwilioSetup setup = configureTwilio();
        fakeTwilio.acceptMessages("accepted");
        SendAttempt attempt = new TwilioGateway(fakeTwilio.baseUrl(), Duration.ofSeconds(2), Duration.ofSeconds(2))
                .sendMessage(setup, "+14045387319", "Hello");
        assertThat(attempt.outcome()).isEqualTo(SendAttempt.Outcome.ACCEPTED);
        assertThat(attempt.sid()).startsWith("SM");
        assertThat(attempt.status()).isEqualTo("accepted");
    }
}
