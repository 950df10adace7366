package org.textdesk.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
    void thirtySendsWaitingOnASlowTwilioAtOnceEachGetAConnection() throws Exception {
        TwilioSetup setup = configureTwilio();
        fakeTwilio.on("POST", FakeTwilio.MESSAGES_PATH, call -> Answer.json(201, FakeTwilio.messageJson(
                FakeTwilio.newMessageSid(), call.pathVariable("AccountSid"), call.request().param("To"),
                call.request().param("From"), call.request().param("Body"), "queued"))
                .delayedBy(Duration.ofMillis(1500)));
        // A send waits at most the connect timeout (1 s here) for a pooled connection: with too small a pool,
        // the sends beyond it would wait behind 1.5 s answers and end "not sent".
        TwilioGateway gateway = new TwilioGateway(fakeTwilio.baseUrl(), Duration.ofSeconds(1), Duration.ofSeconds(5));
        ExecutorService caseworkers = Executors.newFixedThreadPool(30);
        try {
            List<Future<SendAttempt>> sends = new ArrayList<>();
            for (int n = 0; n < 30; n++) {
                sends.add(caseworkers.submit(() -> gateway.sendMessage(setup, "+14045387319", "Hello")));
            }
            for (Future<SendAttempt> send : sends) {
                assertThat(send.get(20, TimeUnit.SECONDS).outcome()).isEqualTo(SendAttempt.Outcome.ACCEPTED);
            }
            assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).hasSize(30);
        } finally {
            caseworkers.shutdownNow();
            gateway.destroy();
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
