package org.textdesk.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.textdesk.FakeTwilio;
import org.textdesk.FakeTwilio.Answer;
import org.textdesk.IntegrationTest;
import org.textdesk.TwilioWebhookRequests;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.staff.Staff;
import org.textdesk.twiliosetup.TwilioSetupFixture;

/**
 * Issue 15: Twilio accepted the text, then the database failed on the write of its answer. The caseworker is
 * told the text was accepted and is still being recorded (never a 5xx, never an invitation to send again); the
 * answer is recorded in the background once the database takes it, and callbacks that came meanwhile are applied.
 * The failure: a trigger that refuses, with a connection-failure SQLSTATE, every write of a SID.
 */
class SendRecordingTest extends IntegrationTest {

    static final String SID = "SM5d0f0e3c3a4b4f6e8a9b0c1d2e3f4a5b";

    @Autowired
    ClientService clientService;

    @Autowired
    SendAttemptRecorder recorder;

    Staff casey;
    Client jordan;

    @BeforeEach
    void aClientWhoMayBeTexted() {
        casey = newCaseworker();
        configureTwilio();
        jordan = ClientFixture.client("Jordan", "Avery").cell("404", "538-7319").safe(true).okayToText(true)
                .create(clientService, as(casey));
        fakeTwilio.on("POST", FakeTwilio.MESSAGES_PATH, call -> Answer.json(201, FakeTwilio.messageJson(SID,
                TwilioSetupFixture.ACCOUNT_SID, call.request().param("To"), call.request().param("From"),
                call.request().param("Body"), "queued")));
    }

    @AfterEach
    void databaseWorksAgain() {
        jdbc.execute("drop trigger if exists refuse_sid on text_messages");
        jdbc.execute("drop function if exists refuse_sid()");
        recorder.recordKeptAnswers();
    }

    @Test
    void whenTheDatabaseFailsAfterTwilioAcceptedTheCaseworkerIsToldSoAndTheRecordIsFinishedLater() {
        failEveryWriteOfASid();

        MvcTestResult sent = send("See you at 3.");

        assertThat(sent).hasStatus3xxRedirection();
        long messageId = jdbc.queryForObject("select id from text_messages", Long.class);
        assertThat(sent).hasRedirectedUrl("/texts/" + messageId);
        assertThat(followRedirect(sent, as(casey))).hasStatusOk().bodyText()
                .contains("Twilio accepted the text; TextDesk is still recording it. Do not send it again")
                .doesNotContain("Accepted by Twilio \u2014 status", "Send again", "Retry");
        assertThat(jdbc.queryForMap("select status, twilio_sid from text_messages"))
                .containsEntry("status", "pending").containsEntry("twilio_sid", null);
        assertThat(recorder.waiting()).isEqualTo(1);
        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).hasSize(1);

        assertThat(TwilioWebhookRequests.post(mvc, "/twilio/status", TwilioWebhookRequests.statusCallback(SID, "sent")))
                .hasStatusOk();
        recorder.recordKeptAnswers();
        assertThat(recorder.waiting()).as("still failing: still kept").isEqualTo(1);

        jdbc.execute("drop trigger refuse_sid on text_messages");
        recorder.recordKeptAnswers();

        assertThat(recorder.waiting()).isZero();
        assertThat(jdbc.queryForMap("select status, twilio_sid from text_messages"))
                .containsEntry("status", "sent").containsEntry("twilio_sid", SID);
        assertThat(jdbc.queryForList("select status from message_status_events order by id", String.class))
                .containsExactly("queued", "sent");
        assertThat(jdbc.queryForObject("select count(*) from early_status_reports", Integer.class)).isZero();
    }

    @Test
    void aSidTwilioGaveAnotherTextIsNo500ButAnUnknownStatusInWords() {
        assertThat(send("First text.")).hasStatus3xxRedirection();

        MvcTestResult second = send("Second text.");

        assertThat(second).hasStatus3xxRedirection();
        long secondId = jdbc.queryForObject("select id from text_messages where body = 'Second text.'", Long.class);
        assertThat(jdbc.queryForMap("select status, error_code, twilio_sid from text_messages where id = ?", secondId))
                .containsEntry("status", "unknown").containsEntry("error_code", "SID-TAKEN")
                .containsEntry("twilio_sid", null);
        assertThat(followRedirect(second, as(casey))).hasStatusOk().bodyText()
                .contains("Twilio answered with the ID of another text TextDesk already has");
        assertThat(jdbc.queryForObject("select status from text_messages where body = 'First text.'", String.class))
                .isEqualTo("queued");
    }

    private void failEveryWriteOfASid() {
        jdbc.execute("""
                create function refuse_sid() returns trigger language plpgsql as $$
                begin
                    if new.twilio_sid is not null then
                        raise exception 'the database went away' using errcode = '08006';
                    end if;
                    return new;
                end $$""");
        jdbc.execute("""
                create trigger refuse_sid before update on text_messages for each row execute function refuse_sid()""");
    }

    private MvcTestResult send(String body) {
        return mvc.post().uri("/clients/{id}/texts", jordan.getId()).with(user(as(casey))).with(csrf())
                .param("body", body).param("sendKey", UUID.randomUUID().toString()).exchange();
    }
}
