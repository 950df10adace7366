package org.textdesk.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.textdesk.FakeTwilio;
import org.textdesk.IntegrationTest;
import org.textdesk.TwilioWebhookRequests;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.staff.Staff;
import org.textdesk.texts.TextingData;
import org.textdesk.twiliosetup.TwilioSetupFixture;

/**
 * Texts sent through Twilio Setup's Messaging Service: the create call carries MessagingServiceSid and the Twilio #
 * as From (FakeTwilio checks it against Twilio's description), the first status is "accepted", and the signed
 * callbacks that follow (each with MessagingServiceSid, as Twilio posts them) move it on.
 */
class MessagingServiceSendTest extends IntegrationTest {

    static final String SERVICE = TwilioSetupFixture.MESSAGING_SERVICE_SID;
    private static final Pattern HISTORY_STATUS = Pattern.compile(
            "<tr>\\s*<td>([^<]*)</td>\\s*<td>[^<]*</td>\\s*<td>[^<]*</td>\\s*<td>[^<]*</td>\\s*</tr>");

    @Autowired
    ClientService clientService;

    Staff casey;
    Client jordan;

    @BeforeEach
    void aSetupWithAMessagingService() {
        casey = newCaseworker();
        configureTwilio();
        TwilioSetupFixture.useMessagingService(twilioSetupService, SERVICE);
        jordan = ClientFixture.client("Jordan", "Avery").cell("404", "538-7319").safe(true).okayToText(true)
                .create(clientService, as(casey));
    }

    @Test
    void aTextGoesOutThroughTheServiceFromTheTwilioNumberAndStartsAccepted() {
        fakeTwilio.acceptMessages("accepted");
        long id = TextingData.send(mvc, casey, jordan, null, "Your appointment is at 10.");

        FakeTwilio.RecordedRequest post = fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH).get(0);
        assertThat(post.form().keySet()).containsExactlyInAnyOrder("To", "From", "MessagingServiceSid", "Body",
                "StatusCallback");
        assertThat(post.param("MessagingServiceSid")).isEqualTo(SERVICE);
        assertThat(post.param("From")).isEqualTo(TwilioSetupFixture.TWILIO_NUMBER);
        assertThat(post.param("To")).isEqualTo("+14045387319");
        assertThat(post.param("StatusCallback")).isEqualTo(baseUrl() + "/twilio/status");
        assertThat(fakeTwilio.violations()).isEmpty();

        Map<String, Object> row = jdbc.queryForMap("select * from text_messages where id = ?", id);
        assertThat(row).containsEntry("status", "accepted").containsEntry("status_rank", 0)
                .containsEntry("messaging_service_sid", SERVICE)
                .containsEntry("from_number", TwilioSetupFixture.TWILIO_NUMBER);
        assertThat(page("/texts/" + id)).contains("<span class=\"badge status muted\">accepted</span>");
        assertThat(page("/clients/" + jordan.getId() + "/texts")).contains(">accepted</span>");
    }

    @Test
    void signedCallbacksWithTheServiceMoveAnAcceptedTextOnInTwiliosOrder() {
        fakeTwilio.acceptMessages("accepted");
        long id = TextingData.send(mvc, casey, jordan, null, "Please call me back.");
        String sid = jdbc.queryForObject("select twilio_sid from text_messages where id = ?", String.class, id);

        // Twilio's callbacks race: sent before queued; each carries the service
        assertThat(callback(sid, "sent")).isEqualTo(200);
        assertThat(callback(sid, "queued")).isEqualTo(200);
        assertThat(jdbc.queryForObject("select status from text_messages where id = ?", String.class, id))
                .isEqualTo("sent");
        assertThat(callback(sid, "delivered")).isEqualTo(200);

        assertThat(jdbc.queryForObject("select status from text_messages where id = ?", String.class, id))
                .isEqualTo("delivered");
        assertThat(history(page("/texts/" + id))).containsExactly("accepted", "queued", "sent", "delivered");
        assertThat(page("/clients/" + jordan.getId() + "/texts")).contains(">delivered</span>");
    }

    @Test
    void aQueuedCallbackBeforeTwiliosAcceptedAnswerStillListsAcceptedFirst() {
        List<Integer> callbackAnswers = Collections.synchronizedList(new ArrayList<>());
        fakeTwilio.acceptMessagesCallingBackFirst("accepted", "queued", null, callbackAnswers, null);
        long id = TextingData.send(mvc, casey, jordan, null, "Racing callbacks.");

        assertThat(callbackAnswers).containsExactly(200);
        // queued ranks with accepted (DESIGN.md): the current status stays until a higher one
        assertThat(jdbc.queryForObject("select status from text_messages where id = ?", String.class, id))
                .isEqualTo("accepted");
        assertThat(history(page("/texts/" + id))).containsExactly("accepted", "queued");
        assertThat(jdbc.queryForList("select status from message_status_events where text_message_id = ? order by "
                + "received_at", String.class, id)).as("the order they arrived in").containsExactly("queued", "accepted");
        assertThat(jdbc.queryForObject("select messaging_service_sid from text_messages where id = ?", String.class, id))
                .isEqualTo(SERVICE);
    }

    @Test
    void withoutAServiceNoMessagingServiceSidIsSentAndTheFirstStatusIsQueued() {
        TwilioSetupFixture.useMessagingService(twilioSetupService, "");
        fakeTwilio.acceptMessages("queued");
        long id = TextingData.send(mvc, casey, jordan, null, "No service.");

        FakeTwilio.RecordedRequest post = fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH).get(0);
        assertThat(post.form().keySet()).containsExactlyInAnyOrder("To", "From", "Body", "StatusCallback");
        assertThat(jdbc.queryForMap("select status, messaging_service_sid from text_messages where id = ?", id))
                .containsEntry("status", "queued").containsEntry("messaging_service_sid", null);
    }

    private int callback(String sid, String status) {
        return TwilioWebhookRequests.post(mvc, "/twilio/status",
                TwilioWebhookRequests.statusCallback(sid, status, null, null, SERVICE)).getResponse().getStatus();
    }

    private String page(String uri) {
        try {
            return mvc.get().uri(uri).with(org.springframework.security.test.web.servlet.request
                    .SecurityMockMvcRequestPostProcessors.user(as(casey))).exchange().getResponse()
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static List<String> history(String page) {
        List<String> statuses = new ArrayList<>();
        Matcher row = HISTORY_STATUS.matcher(page);
        while (row.find()) {
            statuses.add(row.group(1).strip());
        }
        return statuses;
    }
}
