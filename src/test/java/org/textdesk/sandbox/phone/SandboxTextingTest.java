package org.textdesk.sandbox.phone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.sandbox.SandboxTest;
import org.textdesk.sandbox.api.SandboxMessage;
import org.textdesk.staff.Staff;
import org.textdesk.twiliosetup.TwilioSetupFixture;

/**
 * TextDesk's own sending, status callbacks and webhooks against the sandbox, all over HTTP: nothing in them
 * knows it is the sandbox. The callbacks arrive signed (the webhook filter refuses anything else).
 */
class SandboxTextingTest extends SandboxTest {

    @Autowired
    ClientService clientService;

    @Autowired
    ClientPhone clientPhone;

    Staff casey;

    @BeforeEach
    void aCaseworker() {
        casey = newCaseworker();
    }

    @Test
    void aSentTextIsQueuedSendingSentAndDeliveredBySignedCallbacks() throws Exception {
        Client jordan = client("Jordan", "538-7319");
        long textId = send(jordan, "Your appointment is tomorrow at 10.");
        await("all four statuses", Duration.ofSeconds(40), () -> jdbc.queryForList("select status from "
                + "message_status_events where text_message_id = ? order by status", String.class, textId)
                .equals(List.of("delivered", "queued", "sending", "sent")));
        assertThat(status(textId)).isEqualTo("delivered");
        assertThat(jdbc.queryForObject("select count(*) from sandbox_messages where direction = 'outbound-api' "
                + "and to_number = '+14045387319' and body = 'Your appointment is tomorrow at 10.' "
                + "and status = 'delivered'", Integer.class)).isEqualTo(1);
        assertThat(clientPhone.conversation("+14045387319")).extracting(SandboxMessage::body)
                .containsExactly("Your appointment is tomorrow at 10.");
    }

    @Test
    void aPhoneThatIsOffEndsUndeliveredWith30003() throws Exception {
        long textId = send(client("Uma", "555-0130"), "Are you there?");
        await("undelivered", Duration.ofSeconds(15), () -> "undelivered".equals(status(textId)));
        assertThat(jdbc.queryForObject("select error_code from text_messages where id = ?", String.class, textId))
                .isEqualTo("30003");
        assertThat(clientPhone.conversation("+14045550130")).isEmpty();
    }

    @Test
    void aNumberThatTextedStopIsRefusedWith21610AndOkayToTextIsUnticked() {
        Client stella = client("Stella", "555-0131");
        long textId = send(stella, "Hello Stella");
        assertThat(status(textId)).isEqualTo("not_sent");
        assertThat(jdbc.queryForObject("select error_code from text_messages where id = ?", String.class, textId))
                .isEqualTo("21610");
        assertThat(clientService.findClient(stella.getId()).isOkayToText()).isFalse();
    }

    @Test
    void aLandlineIsRefusedWith21614() {
        long textId = send(client("Landon", "555-0132"), "Hello Landon");
        assertThat(status(textId)).isEqualTo("not_sent");
        assertThat(jdbc.queryForObject("select error_code from text_messages where id = ?", String.class, textId))
                .isEqualTo("21614");
    }

    @Test
    void aSendTwilioNeverAnswersIsUnknown() {
        long started = System.nanoTime();
        long textId = send(client("Nolan", "555-0133"), "Hello Nolan");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(status(textId)).isEqualTo("unknown");
        assertThat(jdbc.queryForObject("select count(*) from sandbox_messages", Integer.class)).isZero();
    }

    @Test
    void thePhonesTextsReachIncomingAndItsKeywordsChangeOkayToText() {
        Client jordan = client("Jordan", "538-7319");
        ClientPhone.Outcome text = clientPhone.text("+14045387319", "Can we meet on Friday?");
        assertThat(text.delivered()).isTrue();
        assertThat(text.answers()).containsExactly(setup.textResponse());
        assertThat(jdbc.queryForObject("select count(*) from text_messages where direction = 'INBOUND' "
                + "and from_number = '+14045387319' and body = 'Can we meet on Friday?'", Integer.class)).isEqualTo(1);
        assertThat(clientPhone.conversation("+14045387319")).extracting(SandboxMessage::body)
                .containsExactly("Can we meet on Friday?", setup.textResponse());

        assertThat(clientPhone.text("+14045387319", "STOP").answers()).isEmpty();
        assertThat(clientService.findClient(jordan.getId()).isOkayToText()).isFalse();
        assertThat(clientPhone.text("+14045387319", "START").delivered()).isTrue();
        assertThat(clientService.findClient(jordan.getId()).isOkayToText()).isTrue();
        assertThat(jdbc.queryForList("select detail from consent_events where client_id = ? and source = 'KEYWORD' "
                + "order by id", String.class, jordan.getId())).containsExactly("STOP", "START");
    }

    @Test
    void aCallHearsTheCallResponse() {
        ClientPhone.Outcome call = clientPhone.call("+14045387319");
        assertThat(call.delivered()).isTrue();
        assertThat(call.answers()).isEqualTo(List.of(setup.callResponse()));
    }

    @Test
    void throughTheSandboxsMessagingServiceATextStartsAcceptedAndRepliesCarryTheService() throws Exception {
        String service = "MGfeedfacefeedfacefeedfacefeedface";
        TwilioSetupFixture.useMessagingService(twilioSetupService, service);
        String checked = mvc.post().uri("/admin/twilio/test").with(user(as(newAdmin()))).with(csrf())
                .param("accountSid", setup.accountSid()).param("authToken", "").param("messagingServiceSid", service)
                .param("twilioNumber", "404-555-0100")
                .exchange().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(checked).contains("Messaging Service \u201cTextDesk sandbox\u201d found (" + service + "): texts "
                + "will go out through it, and the Twilio number 404-555-0100 is one of its senders.");

        Client jordan = client("Jordan", "538-7319");
        long textId = send(jordan, "Through the service.");
        // A callback the app could not take at once is posted again 10 s later, as Twilio would: wait for all five.
        await("all five statuses", Duration.ofSeconds(40), () -> jdbc.queryForList("select status from "
                + "message_status_events where text_message_id = ? order by status", String.class, textId)
                .equals(List.of("accepted", "delivered", "queued", "sending", "sent")));
        assertThat(status(textId)).isEqualTo("delivered");
        assertThat(jdbc.queryForObject("select messaging_service_sid from text_messages where id = ?", String.class,
                textId)).isEqualTo(service);
        assertThat(jdbc.queryForObject("select messaging_service_sid || ' ' || from_number from sandbox_messages "
                + "where direction = 'outbound-api'", String.class)).isEqualTo(service + " +14045550100");

        assertThat(clientPhone.text("+14045387319", "Got it").delivered()).isTrue();
        assertThat(jdbc.queryForObject("select messaging_service_sid from text_messages where direction = 'INBOUND'",
                String.class)).isEqualTo(service);
    }

    private Client client(String firstName, String number) {
        return ClientFixture.client(firstName, "Sandbox").cell("404", number).safe(true).okayToText(true)
                .create(clientService, as(casey));
    }

    /** Sends as Casey through the Send Text form; returns the text's id. */
    private long send(Client client, String body) {
        String location = mvc.post().uri("/clients/{id}/texts", client.getId()).with(user(as(casey))).with(csrf())
                .param("body", body).param("sendKey", UUID.randomUUID().toString()).exchange().getResponse()
                .getRedirectedUrl();
        assertThat(location).matches("/texts/\\d+");
        return Long.parseLong(location.substring("/texts/".length()));
    }

    private String status(long textId) {
        return jdbc.queryForObject("select status from text_messages where id = ?", String.class, textId);
    }
}
