package org.textdesk.sending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.textdesk.FakeTwilio;
import org.textdesk.FakeTwilio.Answer;
import org.textdesk.IntegrationTest;
import org.textdesk.cases.CaseRecord;
import org.textdesk.cases.CaseService;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.staff.Staff;
import org.textdesk.twiliosetup.TwilioSetupFixture;

class SendTextTest extends IntegrationTest {

    @Autowired
    ClientService clientService;

    @Autowired
    CaseService caseService;

    Staff casey;
    Client jordan;
    CaseRecord jordansCase;
    MvcTestResult lastSend;

    @BeforeEach
    void aClientWhoMayBeTexted() {
        casey = newCaseworker();
        configureTwilio();
        fakeTwilio.acceptMessages("queued");
        jordan = ClientFixture.create(clientService, as(casey), "Jordan", "Avery", "404", "538-7319", true, true);
        jordansCase = caseService.openCase(jordan.getId(), "16E-20010101", "Rental assistance",
                LocalDate.of(2016, 8, 1), null);
    }

    @Test
    void sendsThroughTheSdkAndRecordsTheMessageItsSidAndFirstStatus() {
        MvcTestResult result = send(jordan, jordansCase.getId(), "Please bring your rental agreement tomorrow.");

        List<FakeTwilio.RecordedRequest> posts = fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH);
        assertThat(posts).hasSize(1);
        FakeTwilio.RecordedRequest post = posts.get(0);
        assertThat(post.path()).isEqualTo("/2010-04-01/Accounts/" + TwilioSetupFixture.ACCOUNT_SID + "/Messages.json");
        assertThat(post.param("To")).isEqualTo("+14045387319");
        assertThat(post.param("From")).isEqualTo(TwilioSetupFixture.TWILIO_NUMBER);
        assertThat(post.param("Body")).isEqualTo("Please bring your rental agreement tomorrow.");
        assertThat(post.param("StatusCallback")).isEqualTo(baseUrl() + "/twilio/status");
        assertThat(post.basicUsername()).isEqualTo(TwilioSetupFixture.ACCOUNT_SID);
        assertThat(post.basicPassword()).isEqualTo(TwilioSetupFixture.AUTH_TOKEN);

        Map<String, Object> row = jdbc.queryForMap("select * from text_messages");
        assertThat(row).containsEntry("direction", "OUTBOUND").containsEntry("to_number", "+14045387319")
                .containsEntry("from_number", TwilioSetupFixture.TWILIO_NUMBER)
                .containsEntry("body", "Please bring your rental agreement tomorrow.")
                .containsEntry("client_id", jordan.getId()).containsEntry("case_id", jordansCase.getId())
                .containsEntry("sent_by", casey.getId()).containsEntry("status", "queued");
        assertThat((String) row.get("twilio_sid")).matches("SM[0-9a-f]{32}");
        assertThat(jdbc.queryForList("select status from message_status_events", String.class))
                .containsExactly("queued");
        assertThat(jdbc.queryForObject("select count(*) from client_texts where client_id = ?", Integer.class,
                jordan.getId())).isEqualTo(1);

        long messageId = ((Number) row.get("id")).longValue();
        assertThat(result).hasRedirectedUrl("/texts/" + messageId);
        assertThat(followRedirect(result, as(casey)))
                .hasStatusOk().bodyText()
                .contains("Accepted by Twilio \u2014 status: queued", "Please bring your rental agreement tomorrow.",
                        "404-538-7319", "16E-20010101", casey.getDisplayName(),
                        "Delivery should never be assumed");
    }

    @Test
    void replacesLookAlikesBeforeSending() {
        send(jordan, null, "\u201cSee you\u201d \u2014 it\u2019s at 3\u2026");
        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH).get(0).param("Body"))
                .isEqualTo("\"See you\" - it's at 3...");
    }

    @Test
    void aDoubleSubmitSendsOnceAndShowsTheFirstResult() {
        String key = UUID.randomUUID().toString();
        MvcTestResult first = send(jordan, null, "Only once, please.", key, false);
        MvcTestResult second = send(jordan, null, "Only once, please.", key, false);
        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).hasSize(1);
        assertThat(jdbc.queryForObject("select count(*) from text_messages", Integer.class)).isEqualTo(1);
        assertThat(second).hasRedirectedUrl(first.getMvcResult().getResponse().getRedirectedUrl());
    }

    @Test
    void aSendKeyOfAnotherClientsTextIsABadRequest() {
        Client other = ClientFixture.create(clientService, as(casey), "Sam", "Other", "404", "538-7320", true, true);
        String key = UUID.randomUUID().toString();
        send(jordan, null, "For Jordan.", key, false);
        assertThat(send(other, null, "For Sam.", key, false)).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).hasSize(1);
    }

    @Test
    void aFormWithoutASendKeyIsABadRequest() {
        assertThat(mvc.post().uri("/clients/{id}/texts", jordan.getId()).with(user(as(casey))).with(csrf())
                .param("body", "No key")).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from text_messages", Integer.class)).isZero();
    }

    @Test
    void nothingIsSentOrWrittenWhenOkayToTextIsUnticked() {
        Client unticked = ClientFixture.create(clientService, as(casey), "Una", "Unticked", "404", "538-7321", true,
                false);
        assertRefused(send(unticked, null, "Hello"), "Okay to Text");
    }

    @Test
    void nothingIsSentOrWrittenWhenTheClientHasNoCell() {
        Client noCell = ClientFixture.create(clientService, as(casey), "Nora", "Nocell", null, null, true, false);
        assertRefused(send(noCell, null, "Hello"), "cell");
    }

    @Test
    void nothingIsSentOrWrittenWhenTwilioSetupIsDisabled() {
        jdbc.update("update twilio_settings set enabled = false");
        assertRefused(send(jordan, null, "Hello"), "Twilio Setup");
    }

    @Test
    void nothingIsSentOrWrittenWhenTheMessageIsTooLong() {
        String typed = "a".repeat(161);
        MvcTestResult result = send(jordan, null, typed);
        assertRefused(result, "The message is 161 characters, but one text holds at most 160.");
        assertThat(result).bodyText().contains(typed);
    }

    @Test
    void aUnicodeMessageOverSeventyIsRefusedAndSaysWhy() {
        String typed = "\u041f\u0440\u0438\u0432\u0435\u0442 ".repeat(12);
        assertRefused(send(jordan, null, typed), "must be sent in Unicode");
    }

    @Test
    void anEmptyMessageIsRefused() {
        assertRefused(send(jordan, null, "   "), "Type the text message, or choose a Quick Entry.");
    }

    @Test
    void aCaseOfAnotherClientOrAClosedCaseIsRefused() {
        Client other = ClientFixture.create(clientService, as(casey), "Sam", "Other", "404", "538-7320", true, true);
        CaseRecord othersCase = caseService.openCase(other.getId(), "16E-20010102", "Other", LocalDate.of(2016, 8, 1),
                null);
        assertRefused(send(jordan, othersCase.getId(), "Hello"), "Choose one of this client&#39;s open cases.");
        CaseRecord closed = caseService.openCase(jordan.getId(), "16E-20010103", "Closed", LocalDate.of(2016, 1, 1),
                LocalDate.of(2016, 2, 1));
        assertRefused(send(jordan, closed.getId(), "Hello"), "Case 16E-20010103 is closed.");
        assertRefused(send(jordan, 987654L, "Hello"), "Choose one of this client&#39;s open cases.");
    }

    @Test
    void aClientWhoIsNotSafeNeedsAnExplicitConfirmation() {
        Client notSafe = ClientFixture.create(clientService, as(casey), "Nia", "Notsafe", "404", "538-7322", false,
                true);
        assertRefused(send(notSafe, null, "Hello"), "Tick this box to confirm");
        assertThat(send(notSafe, null, "Hello", UUID.randomUUID().toString(), true)).hasStatus3xxRedirection();
        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).hasSize(1);
    }

    @Test
    void error21610UnticksOkayToTextAndTellsTheStaffTheClientMustTextStart() {
        fakeTwilio.answer("POST", FakeTwilio.MESSAGES_PATH, Answer.twilioError(400, 21610,
                "Attempt to send to unsubscribed recipient"));
        long id = sentMessageId(send(jordan, null, "Hello"));
        assertThat(statusAndCode(id)).containsExactly("not_sent", "21610");
        assertThat(clientService.findClient(jordan.getId()).isOkayToText()).isFalse();
        assertThat(jdbc.queryForObject("select source from consent_events where client_id = ? order by id desc limit 1",
                String.class, jordan.getId())).isEqualTo("TWILIO_ERROR");
        assertThat(page(id)).contains("The text was not sent.", "must text START").doesNotContain(">Retry<");
    }

    @Test
    void invalidAndLandlineNumbersAreExplained() {
        fakeTwilio.answer("POST", FakeTwilio.MESSAGES_PATH, Answer.twilioError(400, 21211, "Invalid 'To' Phone Number"));
        assertThat(page(sentMessageId(send(jordan, null, "One")))).contains("not a valid phone number");
        fakeTwilio.answer("POST", FakeTwilio.MESSAGES_PATH, Answer.twilioError(400, 21614, "not a mobile number"));
        assertThat(page(sentMessageId(send(jordan, null, "Two")))).contains("not a mobile number");
    }

    @Test
    void rejectedCredentialsTellTheStaffAnAdminMustCheckTwilioSetup() {
        fakeTwilio.answer("POST", FakeTwilio.MESSAGES_PATH, FakeTwilio.authenticateError());
        long id = sentMessageId(send(jordan, null, "Hello"));
        assertThat(statusAndCode(id)).containsExactly("not_sent", "20003");
        assertThat(page(id)).contains("An admin must check the Account SID and Auth Token in Twilio Setup.")
                .doesNotContain(TwilioSetupFixture.AUTH_TOKEN);
    }

    @Test
    void tooManyRequestsCanBeRetried() {
        fakeTwilio.answer("POST", FakeTwilio.MESSAGES_PATH, Answer.twilioError(429, 20429, "Too Many Requests"));
        long id = sentMessageId(send(jordan, null, "Hello"));
        assertThat(page(id)).contains("Wait a minute, then retry.", ">Retry<");
    }

    @Test
    void aServerErrorIsNotRetriedBySdkAndRetryByTheStaffSendsOnce() {
        fakeTwilio.answer("POST", FakeTwilio.MESSAGES_PATH, Answer.twilioError(503, 20500, "Service Unavailable"));
        long id = sentMessageId(send(jordan, null, "Try again later"));
        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).hasSize(1);
        assertThat(statusAndCode(id)).containsExactly("not_sent", "20500");
        assertThat(page(id)).contains("Twilio had an internal problem, so the text was not sent.", ">Retry<");

        fakeTwilio.acceptMessages("queued");
        MvcTestResult retried = mvc.post().uri("/texts/{id}/retry", id).with(user(as(casey))).with(csrf()).exchange();
        MvcTestResult retriedAgain = mvc.post().uri("/texts/{id}/retry", id).with(user(as(casey))).with(csrf())
                .exchange();
        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).hasSize(2);
        assertThat(retriedAgain).hasRedirectedUrl(retried.getMvcResult().getResponse().getRedirectedUrl());
        long retryId = sentMessageId(retried);
        assertThat(statusAndCode(retryId)).containsExactly("queued", null);
        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH).get(1).param("Body"))
                .isEqualTo("Try again later");
    }

    @Test
    void aServerErrorWithoutATwilioCodeIsExplainedByItsHttpStatus() {
        fakeTwilio.answer("POST", FakeTwilio.MESSAGES_PATH, Answer.json(502, "<html>Bad gateway</html>"));
        long id = sentMessageId(send(jordan, null, "Hello"));
        assertThat(statusAndCode(id)).containsExactly("not_sent", "HTTP-502");
        assertThat(page(id)).contains("Twilio had a temporary problem", ">Retry<");
    }

    @Test
    void aConnectionClosedWithoutAnAnswerMeansTheOutcomeIsUnknownAndNotRetried() {
        fakeTwilio.answer("POST", FakeTwilio.MESSAGES_PATH, Answer.dropConnection());
        long id = sentMessageId(send(jordan, null, "Hello"));
        assertThat(statusAndCode(id)).containsExactly("unknown", "NO-ANSWER");
        assertThat(page(id)).contains("may or may not have been sent").doesNotContain(">Retry<");
    }

    @Test
    void aSlowTwilioTimesOutWithinSecondsAndTheStaffIsToldTheOutcomeIsUnknown() {
        fakeTwilio.answer("POST", FakeTwilio.MESSAGES_PATH,
                Answer.json(201, "{}").delayedBy(Duration.ofSeconds(15)));
        long started = System.nanoTime();
        long id = sentMessageId(send(jordan, null, "Hello"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(14));
        assertThat(statusAndCode(id)).containsExactly("unknown", "NO-ANSWER");
        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).hasSize(1);
    }

    @Test
    void theFormShowsTheSeedsFieldsAndWhyItCannotSendWhenSetupIsMissing() {
        assertThat(mvc.get().uri("/clients/{id}/texts/new", jordan.getId()).with(user(as(casey)))).hasStatusOk()
                .bodyText().contains("Receive Number", "404-538-7319", "Case #", "16E-20010101", "Quick Entry",
                        "Text Message", "Typed", "Left", "Send Message", "Cancel");
        jdbc.update("delete from twilio_settings");
        assertThat(mvc.get().uri("/clients/{id}/texts/new", jordan.getId()).with(user(as(casey)))).hasStatusOk()
                .bodyText().contains("Twilio Setup");
    }

    @Test
    void sendTextFromACasePagePreselectsTheCase() {
        assertThat(mvc.get().uri("/cases/{id}", jordansCase.getId()).with(user(as(casey)))).bodyText()
                .contains("/clients/" + jordan.getId() + "/texts/new?caseId=" + jordansCase.getId());
        assertThat(mvc.get().uri("/clients/{id}/texts/new?caseId={c}", jordan.getId(), jordansCase.getId())
                .with(user(as(casey)))).bodyText()
                .containsPattern("<option value=\"" + jordansCase.getId() + "\"[^>]* selected=\"selected\"");
    }

    @Test
    void resendOpensTheFormWithTheSameText() {
        long id = sentMessageId(send(jordan, jordansCase.getId(), "Bring your lease."));
        assertThat(mvc.get().uri("/clients/{id}/texts/new?resend={m}", jordan.getId(), id).with(user(as(casey))))
                .hasStatusOk().bodyText().contains("Bring your lease.</textarea>");
    }

    @Test
    void unknownClientsAndMessagesAre404() {
        assertThat(mvc.get().uri("/clients/999999/texts/new").with(user(as(casey)))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/texts/999999").with(user(as(casey)))).hasStatus(HttpStatus.NOT_FOUND);
    }

    @Test
    void anonymousVisitorsCannotSend() {
        assertThat(mvc.post().uri("/clients/{id}/texts", jordan.getId()).with(csrf()).param("body", "Hi")
                .param("sendKey", UUID.randomUUID().toString())).hasStatus(HttpStatus.FOUND);
        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).isEmpty();
    }

    private void assertRefused(MvcTestResult result, String message) {
        assertThat(result).hasStatusOk().bodyText().contains(message);
        assertThat(fakeTwilio.requests("POST", FakeTwilio.MESSAGES_PATH)).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from text_messages", Integer.class)).isZero();
    }

    private MvcTestResult send(Client client, Long caseId, String body) {
        return send(client, caseId, body, UUID.randomUUID().toString(), false);
    }

    private MvcTestResult send(Client client, Long caseId, String body, String sendKey, boolean confirmNotSafe) {
        var request = mvc.post().uri("/clients/{id}/texts", client.getId()).with(user(as(casey))).with(csrf())
                .param("body", body).param("sendKey", sendKey);
        if (caseId != null) {
            request = request.param("caseId", String.valueOf(caseId));
        }
        if (confirmNotSafe) {
            request = request.param("confirmNotSafe", "true");
        }
        lastSend = request.exchange();
        return lastSend;
    }

    private static long sentMessageId(MvcTestResult result) {
        String location = result.getMvcResult().getResponse().getRedirectedUrl();
        assertThat(location).as("redirected to the message").startsWith("/texts/");
        return Long.parseLong(location.substring("/texts/".length()));
    }

    private List<String> statusAndCode(long messageId) {
        return jdbc.queryForObject("select status, error_code from text_messages where id = ?",
                (row, n) -> java.util.Arrays.asList(row.getString(1), row.getString(2)), messageId);
    }

    /** The message page right after the last send, in its session: with what Twilio answered on top. */
    private String page(long messageId) {
        assertThat(lastSend.getMvcResult().getResponse().getRedirectedUrl()).isEqualTo("/texts/" + messageId);
        try {
            return followRedirect(lastSend, as(casey))
                    .getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
