package org.textdesk.sandbox.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.twilio.exception.ApiException;
import com.twilio.rest.api.v2010.Account;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.rest.api.v2010.account.message.Media;
import com.twilio.rest.messaging.v1.Service;
import com.twilio.type.PhoneNumber;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.textdesk.sandbox.SandboxTest;

/** The sandbox's REST API, called with the real twilio-java SDK as TextDesk calls Twilio. */
class SandboxApiTest extends SandboxTest {

    static final String CLIENT = "+14045550142";

    @Autowired
    ClientPhone clientPhone;

    @Test
    void fetchesTheAccountWithItsCredentials() {
        Account account = Account.fetcher(setup.accountSid()).fetch(sdk());
        assertThat(account.getSid()).isEqualTo("ACfeedfacefeedfacefeedfacefeedface");
        assertThat(account.getFriendlyName()).isEqualTo("TextDesk sandbox");
        assertThat(account.getStatus()).isEqualTo(Account.Status.ACTIVE);
    }

    @Test
    void refusesAWrongAuthTokenAsTwilioDoes() {
        assertThatThrownBy(() -> Account.fetcher(setup.accountSid()).fetch(sdk("0123456789abcdef0123456789abcdef")))
                .isInstanceOfSatisfying(ApiException.class, refused -> {
                    assertThat(refused.getStatusCode()).isEqualTo(401);
                    assertThat(refused.getCode()).isEqualTo(20003);
                });
        HttpResponse<String> noAuth = get("/sandbox/twilio/2010-04-01/Accounts/" + setup.accountSid() + ".json", null);
        assertThat(noAuth.statusCode()).isEqualTo(401);
        assertThat(noAuth.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Twilio API\"");
        assertThat(noAuth.body()).contains("\"code\":20003");
    }

    @Test
    void createsFetchesAndListsMessagesWhichMoveToDeliveredWithinSeconds() throws Exception {
        Message created = Message.creator(new PhoneNumber(CLIENT), new PhoneNumber(setup.twilioNumber()),
                "Your appointment is at 10am.").create(sdk());
        assertThat(created.getSid()).matches("SM[0-9a-f]{32}");
        assertThat(created.getStatus()).isEqualTo(Message.Status.QUEUED);
        assertThat(created.getTo()).isEqualTo(CLIENT);
        assertThat(created.getFrom()).hasToString("+14045550100");
        assertThat(created.getBody()).isEqualTo("Your appointment is at 10am.");
        assertThat(created.getDirection()).isEqualTo(Message.Direction.OUTBOUND_API);

        await("delivered", Duration.ofSeconds(10), () -> Message.fetcher(setup.accountSid(), created.getSid())
                .fetch(sdk()).getStatus() == Message.Status.DELIVERED);
        Message fetched = Message.fetcher(setup.accountSid(), created.getSid()).fetch(sdk());
        assertThat(fetched.getErrorCode()).isNull();
        assertThat(fetched.getDateSent()).isNotNull();

        Message.creator(new PhoneNumber("+14045550143"), new PhoneNumber(setup.twilioNumber()), "Someone else")
                .create(sdk());
        List<String> listed = new ArrayList<>();
        Message.reader(setup.accountSid()).setTo(new PhoneNumber(CLIENT))
                .setFrom(new PhoneNumber(setup.twilioNumber()))
                .setDateSentAfter(ZonedDateTime.now(ZoneOffset.UTC).minusDays(1)).setPageSize(20L).read(sdk())
                .forEach(message -> listed.add(message.getSid() + " " + message.getBody()));
        assertThat(listed).containsExactly(created.getSid() + " Your appointment is at 10am.");

        assertThatThrownBy(() -> Message.fetcher(setup.accountSid(), "SM00000000000000000000000000000000").fetch(sdk()))
                .isInstanceOfSatisfying(ApiException.class, missing -> assertThat(missing.getStatusCode()).isEqualTo(404));
    }

    @Test
    void fetchesTheMessagingService() {
        Service service = Service.fetcher("MGfeedfacefeedfacefeedfacefeedface").fetch(sdk());
        assertThat(service.getFriendlyName()).isEqualTo("TextDesk sandbox");
        assertThat(service.getAccountSid()).isEqualTo("ACfeedfacefeedfacefeedfacefeedface");
    }

    @Test
    void aPictureFromThePhoneHasItsMediaAndContent() {
        ClientPhone.Outcome sent = clientPhone.picture(CLIENT, SamplePicture.SUNRISE);
        assertThat(sent.delivered()).isTrue();
        String messageSid = jdbc.queryForObject("select sid from sandbox_messages where media_sid is not null",
                String.class);
        List<Media> media = new ArrayList<>();
        Media.reader(setup.accountSid(), messageSid).read(sdk()).forEach(media::add);
        assertThat(media).singleElement().satisfies(picture -> {
            assertThat(picture.getContentType()).isEqualTo("image/png");
            assertThat(picture.getParentSid()).isEqualTo(messageSid);
        });
        HttpResponse<byte[]> content = getBytes("/sandbox/twilio/2010-04-01/Accounts/" + setup.accountSid()
                + "/Messages/" + messageSid + "/Media/" + media.get(0).getSid(), setup.authToken());
        assertThat(content.statusCode()).isEqualTo(200);
        assertThat(content.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(content.body()).startsWith(0x89, 'P', 'N', 'G');
        assertThat(getBytes("/sandbox/twilio/2010-04-01/Accounts/" + setup.accountSid() + "/Messages/" + messageSid
                + "/Media/" + media.get(0).getSid(), null).statusCode()).isEqualTo(401);
    }

    @Test
    void theFailingNumbersAnswerAsTwilioDoes() throws Exception {
        assertThatThrownBy(() -> Message.creator(new PhoneNumber("+14045550131"), new PhoneNumber(setup.twilioNumber()),
                "To someone who texted STOP").create(sdk()))
                .isInstanceOfSatisfying(ApiException.class, refused -> {
                    assertThat(refused.getStatusCode()).isEqualTo(400);
                    assertThat(refused.getCode()).isEqualTo(21610);
                });
        assertThatThrownBy(() -> Message.creator(new PhoneNumber("+14045550132"), new PhoneNumber(setup.twilioNumber()),
                "To a landline").create(sdk()))
                .isInstanceOfSatisfying(ApiException.class, refused -> {
                    assertThat(refused.getStatusCode()).isEqualTo(400);
                    assertThat(refused.getCode()).isEqualTo(21614);
                });
        assertThatThrownBy(() -> Message.creator(new PhoneNumber(""), new PhoneNumber(setup.twilioNumber()),
                "To nobody").create(sdk()))
                .isInstanceOfSatisfying(ApiException.class, refused -> assertThat(refused.getCode()).isEqualTo(21604));
        assertThatThrownBy(() -> Message.creator(new PhoneNumber(CLIENT), new PhoneNumber("+14044764365"),
                "From a number that is not the account's").create(sdk()))
                .isInstanceOfSatisfying(ApiException.class, refused -> assertThat(refused.getCode()).isEqualTo(21606));

        Message phoneOff = Message.creator(new PhoneNumber("+14045550130"), new PhoneNumber(setup.twilioNumber()),
                "To a phone that is off").create(sdk());
        assertThat(phoneOff.getStatus()).isEqualTo(Message.Status.QUEUED);
        await("undelivered", Duration.ofSeconds(10), () -> Message.fetcher(setup.accountSid(), phoneOff.getSid())
                .fetch(sdk()).getStatus() == Message.Status.UNDELIVERED);
        assertThat(Message.fetcher(setup.accountSid(), phoneOff.getSid()).fetch(sdk()).getErrorCode()).isEqualTo(30003);
        assertThat(jdbc.queryForObject("select count(*) from sandbox_messages", Integer.class)).isEqualTo(1);
    }

    private HttpResponse<String> get(String path, String authToken) {
        try {
            return HttpClient.newHttpClient().send(request(path, authToken), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private HttpResponse<byte[]> getBytes(String path, String authToken) {
        try {
            return HttpClient.newHttpClient().send(request(path, authToken), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private HttpRequest request(String path, String authToken) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path));
        if (authToken != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (setup.accountSid() + ":" + authToken).getBytes(StandardCharsets.UTF_8)));
        }
        return request.build();
    }
}
