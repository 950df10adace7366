package org.textdesk.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.textdesk.FakeTwilio;
import org.textdesk.IntegrationTest;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.inbox.IncomingTexts;
import org.textdesk.staff.Staff;
import org.textdesk.texts.TextingData;
import org.textdesk.twiliosetup.TwilioSetupFixture;

/**
 * Email alerts on PostgreSQL, sent over SMTP to a real mail server the test starts (GreenMail) and read back.
 * Each run is given the instant it runs at (the task passes its injected Clock's), hours after the texts came in; the recurring task itself runs on the real clock, at
 * which no text here has waited long enough.
 */
class EmailAlertsTest extends IntegrationTest {

    private static final int SMTP_PORT = freePort();
    private static GreenMail smtp = startSmtp();

    private static final String CASEY_EMAIL = "casey@agency.example.org";
    private static final String ROBIN_EMAIL = "robin@agency.example.org";
    private static final String JORDANS_TEXT = "My landlord changed the locks on me";

    @Autowired
    EmailAlerts emailAlerts;

    @Autowired
    MySettings mySettings;

    @Autowired
    ClientService clientService;

    @Autowired
    SchedulerClient schedulerClient;

    @Autowired
    @Qualifier("emailAlertsTask")
    Task<Void> emailAlertsTask;

    @Autowired
    IncomingTexts incomingTexts;

    Staff casey;
    Staff robin;
    Client jordan;
    Client dana;

    @DynamicPropertySource
    static void mailServer(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("textdesk.twilio.public-base-url", () -> "https://texts.example.org/");
        registry.add("textdesk.alerts.from", () -> "TextDesk <textdesk@agency.example.org>");
    }

    @AfterAll
    static void stopSmtp() {
        smtp.stop();
    }

    @BeforeEach
    void twoCaseloads() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
        casey = newCaseworker();
        robin = newCaseworker();
        configureTwilio();
        jordan = ClientFixture.client("Jordan", "Avery").cell("404", "538-7319").safe(true).okayToText(true)
                .create(clientService, as(casey));
        dana = ClientFixture.client("Dana", "Brooks").cell("678", "555-0123").safe(true).okayToText(true)
                .create(clientService, as(robin));
    }

    @Test
    void theAlertArrivesOnceTheTextHasWaitedMoreThanTheChosenHoursAndNotBefore() throws Exception {
        alertsFor(casey, CASEY_EMAIL, "2");
        Instant received = receive("+14045387319", JORDANS_TEXT);

        assertThat(emailAlerts.sendDue(received.plus(Duration.ofMinutes(119)))).isZero();
        assertThat(emailAlerts.sendDue(received.plus(Duration.ofHours(2)))).isZero();
        assertThat(smtp.getReceivedMessages()).isEmpty();

        assertThat(emailAlerts.sendDue(received.plus(Duration.ofMinutes(121)))).isEqualTo(1);
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getAllRecipients()).extracting(Object::toString).containsExactly(CASEY_EMAIL);
        assertThat(mails[0].getFrom()).extracting(Object::toString)
                .containsExactly("TextDesk <textdesk@agency.example.org>");
        assertThat(mails[0].getSubject()).isEqualTo("You have 1 unread text in TextDesk");
        assertThat(GreenMailUtil.getBody(mails[0]).replace("\r\n", "\n")).isEqualTo("""
                You have 1 unread text in TextDesk.

                Open My inbox: https://texts.example.org/inbox

                You get this email because you asked for email alerts on My settings in TextDesk.""");
    }

    @Test
    void atMostOneAlertAnHourEvenWhenMoreTextsCome() throws Exception {
        alertsFor(casey, CASEY_EMAIL, "1");
        Instant received = receive("+14045387319", JORDANS_TEXT);
        assertThat(emailAlerts.sendDue(received.plus(Duration.ofMinutes(61)))).isEqualTo(1);

        receive("+14045387319", "Are you there?");
        receive("+14045387319", "Please call me");
        assertThat(emailAlerts.sendDue(received.plus(Duration.ofMinutes(90)))).isZero();
        assertThat(emailAlerts.sendDue(received.plus(Duration.ofMinutes(120)))).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(1);

        assertThat(emailAlerts.sendDue(received.plus(Duration.ofMinutes(121)))).isEqualTo(1);
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(2);
        assertThat(mails[1].getSubject()).isEqualTo("You have 3 unread texts in TextDesk");
        assertThat(GreenMailUtil.getBody(mails[1])).startsWith("You have 3 unread texts in TextDesk.");
    }

    @Test
    void nothingForAlertsOffForReadTextsOrForAnotherCaseworkersClients() throws Exception {
        alertsFor(robin, ROBIN_EMAIL, "off");
        alertsFor(casey, CASEY_EMAIL, "1");
        Instant received = receive("+16785550123", "Dana's text to Robin");
        receive("+14045387319", JORDANS_TEXT);
        // Casey opens Jordan's thread: read.
        countedGet("/clients/" + jordan.getId() + "/conversation", casey);

        assertThat(emailAlerts.sendDue(received.plus(Duration.ofHours(25)))).isZero();
        assertThat(smtp.getReceivedMessages()).isEmpty();

        // Robin's client's text is still unread, but it is not Casey's to be alerted about.
        assertThat(jdbc.queryForObject("select count(*) from text_messages where read_at is null", Long.class))
                .isEqualTo(1);
    }

    @Test
    void aColleagueReadingMyClientsThreadDoesNotReadItForMeSoTheAlertStillComes() throws Exception {
        alertsFor(casey, CASEY_EMAIL, "1");
        alertsFor(robin, ROBIN_EMAIL, "1");
        Instant received = receive("+14045387319", JORDANS_TEXT);
        // Robin covers and opens Jordan's thread: read by anyone (Incoming), still unread for Casey.
        countedGet("/clients/" + jordan.getId() + "/conversation", robin);

        assertThat(emailAlerts.sendDue(received.plus(Duration.ofMinutes(61)))).isEqualTo(1);
        MimeMessage[] mails = smtp.getReceivedMessages();
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getAllRecipients()).extracting(Object::toString).containsExactly(CASEY_EMAIL);
        assertThat(mails[0].getSubject()).isEqualTo("You have 1 unread text in TextDesk");
    }

    @Test
    void theEmailHoldsNoClientNameNumberOrMessage() throws Exception {
        alertsFor(casey, CASEY_EMAIL, "1");
        Instant received = receive("+14045387319", JORDANS_TEXT);
        assertThat(emailAlerts.sendDue(received.plus(Duration.ofHours(3)))).isEqualTo(1);

        String whole = GreenMailUtil.getWholeMessage(smtp.getReceivedMessages()[0]);
        assertThat(whole).contains("You have 1 unread text in TextDesk")
                .doesNotContain("Jordan", "Avery", "404", "538", "7319", "+14045387319", "(404) 538-7319",
                        "My landlord", "locks", "/clients/" + jordan.getId());
    }

    @Test
    void twoRunsAtTheSameTimeSendOneEmail() throws Exception {
        alertsFor(casey, CASEY_EMAIL, "1");
        Instant received = receive("+14045387319", JORDANS_TEXT);
        Instant now = received.plus(Duration.ofHours(2));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = two.submit(() -> {
                start.await();
                return emailAlerts.sendDue(now);
            });
            Future<Integer> second = two.submit(() -> {
                start.await();
                return emailAlerts.sendDue(now);
            });
            start.countDown();
            assertThat(first.get() + second.get()).isEqualTo(1);
        } finally {
            two.shutdown();
        }
        // A retry a minute later, as another instance's run would be, sends nothing either.
        assertThat(emailAlerts.sendDue(now.plus(Duration.ofMinutes(1)))).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void aFailedSendIsTriedAgainAtTheNextRun() throws Exception {
        alertsFor(casey, CASEY_EMAIL, "1");
        Instant received = receive("+14045387319", JORDANS_TEXT);
        smtp.stop();
        try {
            assertThat(emailAlerts.sendDue(received.plus(Duration.ofHours(2)))).isZero();
            assertThat(jdbc.queryForObject("select last_sent_at from email_alerts where staff_id = ?", Instant.class,
                    casey.getId())).isNull();
        } finally {
            smtp = startSmtp();
        }
        assertThat(emailAlerts.sendDue(received.plus(Duration.ofHours(2).plusMinutes(5)))).isEqualTo(1);
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    @Test
    void theRecurringTaskOfTheClusteredSchedulerSendsTheAlertOnItsOwn() throws Exception {
        alertsFor(casey, CASEY_EMAIL, "1");
        new TextingData(jdbc).incoming("+14045387319", JORDANS_TEXT, Instant.now().minus(Duration.ofMinutes(90)),
                jordan.getId());
        // The recurring job's one row (written when an instance started, kept between tests), made due now.
        var job = emailAlertsTask.instance(RecurringTask.INSTANCE);
        if (!schedulerClient.scheduleIfNotExists(job, Instant.now())) {
            assertThat(schedulerClient.reschedule(job, Instant.now())).isTrue();
        }

        assertThat(smtp.waitForIncomingEmail(15_000, 1)).isTrue();
        assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("You have 1 unread text in TextDesk");
        // The mail goes out inside the transaction that records it, which commits right after.
        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(jdbc.queryForObject(
                "select last_sent_at from email_alerts where staff_id = ?", Instant.class, casey.getId())).isNotNull());
        assertThat(smtp.getReceivedMessages()).hasSize(1);
    }

    private void alertsFor(Staff staff, String email, String alertAfter) {
        MySettingsForm form = new MySettingsForm();
        form.setEmail(email);
        form.setAlertAfter(alertAfter);
        mySettings.save(staff.getId(), form);
    }

    /** Receives a text and returns when it came in, as stored. */
    private Instant receive(String from, String body) {
        String sid = FakeTwilio.newMessageSid();
        incomingTexts.receive(sid, from, TwilioSetupFixture.TWILIO_NUMBER, body, null);
        return jdbc.queryForObject("select created_at from text_messages where twilio_sid = ?", Instant.class, sid);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static GreenMail startSmtp() {
        GreenMail server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }
}
