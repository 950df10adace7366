package org.textdesk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.http.TwilioRestClient;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.textdesk.IntegrationTest;
import org.textdesk.twilio.TwilioSetup;

/** A test of the sandbox on PostgreSQL: the sandbox on, and Twilio Setup pointing at it before each test. */
@SandboxOn
public abstract class SandboxTest extends IntegrationTest {

    @Autowired
    protected SandboxTwilioSetup sandboxTwilioSetup;

    protected TwilioSetup setup;

    @BeforeEach
    void twilioSetupPointsAtTheSandbox() {
        assertThat(sandboxTwilioSetup.apply()).isTrue();
        setup = twilioSetupService.currentSetup();
        assertThat(setup.accountSid()).isEqualTo("ACfeedfacefeedfacefeedfacefeedface");
        assertThat(setup.canSend()).isTrue();
    }

    /** The real twilio-java client with the sandbox's credentials; the host is rewritten as the app's own. */
    protected TwilioRestClient sdk() {
        return sdk(setup.authToken());
    }

    protected TwilioRestClient sdk(String authToken) {
        return new TwilioRestClient.Builder(setup.accountSid(), authToken)
                .httpClient(new SandboxSdkHttpClient(baseUrl() + "/sandbox/twilio")).build();
    }

    protected static void await(String what, Duration atMost, BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + atMost.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("not within " + atMost + ": " + what);
            }
            Thread.sleep(100);
        }
    }
}
