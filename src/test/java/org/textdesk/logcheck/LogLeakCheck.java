package org.textdesk.logcheck;

import java.util.List;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fails the test (or the class, for what its set-up and tear-down logged) after which a secret of
 * {@link LogLeaks} turned up in the log. Registered for every Jupiter test through
 * src/test/resources/META-INF/services and junit-platform.properties (extension autodetection).
 */
public class LogLeakCheck implements AfterEachCallback, AfterAllCallback {

    @Override
    public void afterEach(ExtensionContext context) {
        failOnLeaks();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        failOnLeaks();
        if (!LogLeaks.stillWatching()) {
            throw new AssertionError("The log leak check no longer receives log events: something replaced the "
                    + "logging configuration of src/test/resources/logback-test.xml");
        }
    }

    private static void failOnLeaks() {
        List<String> violations = LogLeaks.takeViolations();
        if (!violations.isEmpty()) {
            throw new AssertionError("Secrets or personal data in the log output (values hidden):\n  "
                    + String.join("\n  ", violations));
        }
    }
}
