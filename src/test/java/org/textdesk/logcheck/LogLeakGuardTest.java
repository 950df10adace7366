package org.textdesk.logcheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.textdesk.IntegrationTest;
import org.textdesk.twiliosetup.TwilioSetupFixture;

/**
 * The log leak check itself: it is attached to the log while the application runs, catches a secret
 * logged before or after it became known, in a message or an exception, registers what requests carry,
 * and fails the test that logged it. (It checks one line at a time, so this class takes each violation
 * it provokes back before its own check runs.)
 */
class LogLeakGuardTest extends IntegrationTest {

    private static final Logger log = LoggerFactory.getLogger(LogLeakGuardTest.class);

    @Test
    void aSecretLoggedAfterItBecameKnownIsCaughtAndNotRepeated() {
        String secret = "secret-" + UUID.randomUUID();
        LogLeaks.secret("a test secret", secret);
        log.info("Here it goes: {}", secret);
        assertThat(LogLeaks.takeViolations()).singleElement().asString()
                .contains("INFO org.textdesk.logcheck.LogLeakGuardTest logged a test secret")
                .contains("Here it goes: <a test secret>").doesNotContain(secret);
    }

    @Test
    void aSecretLoggedBeforeItBecameKnownIsCaughtWhenItDoes() {
        String secret = "late-" + UUID.randomUUID();
        log.info("Early: {}", secret);
        assertThat(LogLeaks.takeViolations()).isEmpty();
        LogLeaks.secret("a late secret", secret);
        assertThat(LogLeaks.takeViolations()).singleElement().asString().contains("Early: <a late secret>");
    }

    @Test
    void exceptionMessagesAndTheirCausesAreCheckedToo() {
        log.warn("Something failed", new IllegalStateException("outer",
                new IllegalArgumentException("token " + TwilioSetupFixture.AUTH_TOKEN)));
        assertThat(LogLeaks.takeViolations()).singleElement().asString()
                .contains("the Auth Token of TwilioSetupFixture").doesNotContain(TwilioSetupFixture.AUTH_TOKEN);
    }

    @Test
    void theStaffPasswordIsASecret() {
        log.info("Logged in with {}", STAFF_PASSWORD);
        assertThat(LogLeaks.takeViolations()).singleElement().asString().contains("IntegrationTest.STAFF_PASSWORD");
    }

    @Test
    void whatARequestCarriesAsBodyOrPasswordBecomesASecretBeforeTheApplicationSeesIt() {
        String body = "A body no one else sends " + UUID.randomUUID();
        mvc.post().uri("/clients/999999/texts").with(user(as(newCaseworker()))).with(csrf()).param("body", body)
                .param("sendKey", UUID.randomUUID().toString()).exchange();
        assertThat(LogLeaks.takeViolations()).isEmpty();
        log.info("The client wrote: {}", body);
        assertThat(LogLeaks.takeViolations()).singleElement().asString().contains("the request parameter body");
    }

    @Test
    void theCheckStillHearsTheLogAfterTheApplicationStarted() {
        assertThat(LogLeaks.stillWatching()).isTrue();
    }

    @Test
    void aTestThatLogsASecretFailsAndSaysWhatWithoutShowingIt() {
        Events tests = EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "true")
                .configurationParameter("junit.jupiter.extensions.autodetection.include", "org.textdesk.*")
                .selectors(selectClass(LeakyExample.class))
                .execute().testEvents();
        tests.assertStatistics(stats -> stats.started(2).succeeded(1).failed(1));
        assertThat(tests.failed().stream().map(event -> event.getPayload(
                        org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable()
                .orElseThrow().getMessage()))
                .singleElement().asString()
                .contains("Secrets or personal data in the log output", "a message body the test sent")
                .doesNotContain(LeakyExample.BODY);
    }

    /** Run only by the test above, through the test kit (surefire skips nested classes). */
    static class LeakyExample {

        static final String BODY = "Please come to the office on Friday " + UUID.randomUUID();

        @Test
        void logsNothingSecret() {
            log.info("A text was sent");
        }

        @Test
        void logsAMessageBody() {
            LogLeaks.secret("a message body the test sent", BODY);
            log.info("Sending \"{}\"", BODY);
        }
    }
}
