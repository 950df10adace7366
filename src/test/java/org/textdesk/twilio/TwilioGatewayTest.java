package org.textdesk.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.time.Duration;
import java.util.Base64;
import java.nio.charset.StandardCharsets;
import com.twilio.exception.ApiException;
import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.MessageCreator;
import com.twilio.type.PhoneNumber;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.textdesk.FakeTwilio.Answer;
import org.textdesk.FakeTwilio.RecordedRequest;
import org.textdesk.FakeTwilio;
import org.textdesk.IntegrationTest;
import org.textdesk.twilio.ConnectionCheck.Outcome;
import org.textdesk.twiliosetup.TwilioSetupFixture;

/** The real twilio-java SDK, through TwilioGateway, against FakeTwilio and against nothing at all. */
class TwilioGatewayTest extends IntegrationTest {

    static final String SID = TwilioSetupFixture.ACCOUNT_SID;
    static final String TOKEN = TwilioSetupFixture.AUTH_TOKEN;

    @Autowired
    TwilioGateway gateway;

    @Test
    void acceptedCredentialsAreOkWithTheAccountNameAndTravelAsBasicAuthToTheConfiguredApi() {
        fakeTwilio.acceptCredentials(SID, TOKEN, "Kemp's Case Works");
        ConnectionCheck check = gateway.testConnection(SID, TOKEN);
        assertThat(check).isEqualTo(new ConnectionCheck(Outcome.OK, "Kemp's Case Works", null, null, null));

        assertThat(fakeTwilio.requests()).hasSize(1);
        RecordedRequest request = fakeTwilio.requests().get(0);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.path()).isEqualTo("/2010-04-01/Accounts/" + SID + ".json");
        assertThat(request.authorization()).isEqualTo("Basic "
                + Base64.getEncoder().encodeToString((SID + ":" + TOKEN).getBytes(StandardCharsets.US_ASCII)));
        assertThat(request.header("X-Twilio-Client")).startsWith("java-");
        assertThat(request.header("User-Agent")).contains("twilio-java");
        assertThat(gateway.apiBaseUrl()).isEqualTo(fakeTwilio.baseUrl());
    }

    @Test
    void aWrongTokenIsBadCredentialsWithTwilioError20003() {
        fakeTwilio.acceptCredentials(SID, TOKEN);
        ConnectionCheck check = gateway.testConnection(SID, "0000000000000000000000000000dead");
        assertThat(check.outcome()).isEqualTo(Outcome.BAD_CREDENTIALS);
        assertThat(check.httpStatus()).isEqualTo(401);
        assertThat(check.twilioErrorCode()).isEqualTo(20003);
        assertThat(check.toString()).doesNotContain("dead");
    }

    @Test
    void aClosedPortIsUnreachableConnectionRefused() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        TwilioGateway nowhere = new TwilioGateway("http://localhost:" + closedPort, Duration.ofSeconds(2),
                Duration.ofSeconds(2));
        try {
            ConnectionCheck check = nowhere.testConnection(SID, TOKEN);
            assertThat(check.outcome()).isEqualTo(Outcome.UNREACHABLE);
            assertThat(check.networkFailure()).isEqualTo(NetworkFailure.REFUSED);
        } finally {
            nowhere.destroy();
        }
    }

    @Test
    void aSlowAnswerHitsTheReadTimeoutAndIsUnreachableTimedOut() {
        fakeTwilio.answer("GET", FakeTwilio.ACCOUNT_PATH,
                Answer.json(200, FakeTwilio.accountJson(SID, TOKEN, "slow")).delayedBy(Duration.ofSeconds(3)));
        TwilioGateway impatient = new TwilioGateway(fakeTwilio.baseUrl(), Duration.ofSeconds(1), Duration.ofSeconds(1));
        try {
            long started = System.nanoTime();
            ConnectionCheck check = impatient.testConnection(SID, TOKEN);
            long tookMillis = (System.nanoTime() - started) / 1_000_000;
            assertThat(check.outcome()).isEqualTo(Outcome.UNREACHABLE);
            assertThat(check.networkFailure()).isEqualTo(NetworkFailure.TIMED_OUT);
            assertThat(tookMillis).isLessThan(2_900);
            assertThat(fakeTwilio.requests()).hasSize(1);
        } finally {
            impatient.destroy();
        }
    }

    @Test
    void aConnectionThatCannotBeEstablishedHitsTheConnectTimeoutNotTheSdks30Seconds() throws IOException {
        try (ServerSocket neverAccepting = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // Fill the listen queue: the kernel then drops further connection attempts, which hang.
            List<Socket> queued = new ArrayList<>();
            boolean queueFull = false;
            for (int i = 0; i < 50 && !queueFull; i++) {
                Socket socket = new Socket();
                try {
                    socket.connect(neverAccepting.getLocalSocketAddress(), 300);
                    queued.add(socket);
                } catch (SocketTimeoutException full) {
                    socket.close();
                    queueFull = true;
                }
            }
            assertThat(queueFull).as("the listen queue fills up").isTrue();
            TwilioGateway hanging = new TwilioGateway("http://localhost:" + neverAccepting.getLocalPort(),
                    Duration.ofSeconds(1), Duration.ofSeconds(1));
            try {
                long started = System.nanoTime();
                ConnectionCheck check = hanging.testConnection(SID, TOKEN);
                assertThat(check.networkFailure()).isEqualTo(NetworkFailure.TIMED_OUT);
                assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(5_000);
            } finally {
                hanging.destroy();
                for (Socket socket : queued) {
                    socket.close();
                }
            }
        }
    }

    @Test
    void theApplicationsGatewayWaitsAFewSecondsNotTheSdks30() {
        assertThat(TwilioGateway.CONNECT_TIMEOUT).isLessThanOrEqualTo(Duration.ofSeconds(5));
        assertThat(TwilioGateway.READ_TIMEOUT).isLessThanOrEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void anUnknownHostIsUnreachable() {
        TwilioGateway unknown = new TwilioGateway("http://no-such-host.invalid", Duration.ofSeconds(2),
                Duration.ofSeconds(2));
        try {
            ConnectionCheck check = unknown.testConnection(SID, TOKEN);
            assertThat(check.outcome()).isEqualTo(Outcome.UNREACHABLE);
            assertThat(check.networkFailure()).isEqualTo(NetworkFailure.UNKNOWN_HOST);
        } finally {
            unknown.destroy();
        }
    }

    @Test
    void aDroppedConnectionIsUnreachable() {
        fakeTwilio.answer("GET", FakeTwilio.ACCOUNT_PATH, Answer.dropConnection());
        ConnectionCheck check = gateway.testConnection(SID, TOKEN);
        assertThat(check.outcome()).isEqualTo(Outcome.UNREACHABLE);
        assertThat(check.networkFailure()).isEqualTo(NetworkFailure.OTHER);
        assertThat(fakeTwilio.requests()).hasSize(1);
    }

    @Test
    void aServerErrorIsAnOtherErrorWithStatusAndCodeAndIsNotRetried() {
        fakeTwilio.answer("GET", FakeTwilio.ACCOUNT_PATH, Answer.twilioError(503, 20503, "Service unavailable"));
        ConnectionCheck check = gateway.testConnection(SID, TOKEN);
        assertThat(check).isEqualTo(new ConnectionCheck(Outcome.OTHER_ERROR, null, null, 503, 20503));
        assertThat(fakeTwilio.requests()).as("one attempt only: the SDK would retry a 5xx three times").hasSize(1);
    }

    @Test
    void anAnswerThatIsNotTwilioJsonIsAnOtherErrorNotAnUnreachableApi() {
        fakeTwilio.answer("GET", FakeTwilio.ACCOUNT_PATH, Answer.json(502, "<html>Bad gateway</html>"));
        ConnectionCheck check = gateway.testConnection(SID, TOKEN);
        assertThat(check.outcome()).isEqualTo(Outcome.OTHER_ERROR);
    }

    @Test
    void anUnknownAccountIsAnOtherError() {
        fakeTwilio.acceptCredentials(SID, TOKEN);
        fakeTwilio.answer("GET", FakeTwilio.ACCOUNT_PATH, Answer.twilioError(404, 20404, "The requested resource was not found"));
        ConnectionCheck check = gateway.testConnection(SID, TOKEN);
        assertThat(check).isEqualTo(new ConnectionCheck(Outcome.OTHER_ERROR, null, null, 404, 20404));
    }

    @Test
    void aMessagePostKeepsItsFormParametersAndIsSentOnceEvenWhenTwilioAnswers500() {
        fakeTwilio.answer("POST", FakeTwilio.MESSAGES_PATH, Answer.twilioError(500, 20500, "Internal Server Error"));
        try (TwilioApiHttpClient http = new TwilioApiHttpClient(fakeTwilio.baseUrl(), Duration.ofSeconds(2),
                Duration.ofSeconds(2))) {
            TwilioRestClient client = new TwilioRestClient.Builder(SID, TOKEN).httpClient(http).build();
            MessageCreator creator = Message.creator(new PhoneNumber("+14045387319"), new PhoneNumber("+14044764365"),
                    "Please remember your rental agreement {first_name} & co.").setStatusCallback(
                            URI.create("https://texts.example.org/twilio/status"));
            assertThatThrownBy(() -> creator.create(client)).isInstanceOf(ApiException.class);
        }
        assertThat(fakeTwilio.requests()).hasSize(1);
        RecordedRequest post = fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH).get(0);
        assertThat(post.path()).isEqualTo("/2010-04-01/Accounts/" + SID + "/Messages.json");
        assertThat(post.basicUsername()).isEqualTo(SID);
        assertThat(post.basicPassword()).isEqualTo(TOKEN);
        assertThat(post.param("To")).isEqualTo("+14045387319");
        assertThat(post.param("From")).isEqualTo("+14044764365");
        assertThat(post.param("Body")).isEqualTo("Please remember your rental agreement {first_name} & co.");
        assertThat(post.param("StatusCallback")).isEqualTo("https://texts.example.org/twilio/status");
    }

    @Test
    void requestsAreRedirectedOnlyAwayFromTwilioHostsAndOnlyWhenAnotherApiIsConfigured() {
        Request original = new Request(HttpMethod.POST, "https://api.twilio.com/2010-04-01/Accounts/" + SID + "/Messages.json");
        original.setAuth(SID, TOKEN);
        original.addPostParam("Body", "hello");
        original.addHeaderParam("X-Custom", "kept");
        try (TwilioApiHttpClient toFake = new TwilioApiHttpClient("http://localhost:4010/", Duration.ofSeconds(1),
                Duration.ofSeconds(1));
                TwilioApiHttpClient toTwilio = new TwilioApiHttpClient("https://api.twilio.com", Duration.ofSeconds(1),
                        Duration.ofSeconds(1))) {
            Request redirected = toFake.redirected(original);
            assertThat(redirected.constructURL().toString())
                    .isEqualTo("http://localhost:4010/2010-04-01/Accounts/" + SID + "/Messages.json");
            assertThat(redirected.getAuthString()).isEqualTo(original.getAuthString());
            assertThat(redirected.getPostParams()).isEqualTo(original.getPostParams());
            assertThat(redirected.getHeaderParams()).isEqualTo(original.getHeaderParams());
            assertThat(toTwilio.redirected(original)).isSameAs(original);
            Request elsewhere = new Request(HttpMethod.GET, "https://example.org/x");
            assertThat(toFake.redirected(elsewhere)).isSameAs(elsewhere);
        }
    }

    @Test
    void theDoubledPageSizeAndZonelessDateSentOfTwilioJavaAreSentAsTwiliosDescriptionHasThem() {
        Request list = new Request(HttpMethod.GET, "https://api.twilio.com/2010-04-01/Accounts/" + SID + "/Messages.json");
        list.addQueryParam("To", "+14045387319");
        list.addQueryParam("DateSent>", "2026-12-01T09:42:43");
        list.addQueryParam("PageSize", "100");
        list.addQueryParam("PageSize", "100");
        try (TwilioApiHttpClient toTwilio = new TwilioApiHttpClient("https://api.twilio.com", Duration.ofSeconds(1),
                Duration.ofSeconds(1))) {
            Request sent = toTwilio.redirected(list);
            assertThat(sent.constructURL().toString()).startsWith("https://api.twilio.com/2010-04-01/Accounts/");
            assertThat(sent.getQueryParams()).containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                    "To", java.util.List.of("+14045387319"), "DateSent>", java.util.List.of("2026-12-01T09:42:43Z"),
                    "PageSize", java.util.List.of("100")));
        }
    }
}
