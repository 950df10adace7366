package org.textdesk.logcheck;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What must never appear in the log output of the test run, and what did. The whole run logs through
 * {@link LeakCheckingAppender} (src/test/resources/logback-test.xml); {@link LogLeakCheck}, registered
 * for every test class through junit-platform.properties, fails the test during or after which a
 * secret was logged.
 *
 * <p>The secrets:
 * <ul>
 * <li>the Auth Token of {@code TwilioSetupFixture}, the passwords of {@link TestPasswords}, and the staff
 * password of {@code IntegrationTest} (which registers it);</li>
 * <li>every value of a request parameter that holds a password, an Auth Token or a message body
 * ({@link #SECRET_PARAMETERS}), registered by {@link RequestSecretsFilter} in front of the application
 * before it reads the request: every text a test sends or receives, every password typed at login;</li>
 * <li>every Auth Token and message {@code Body} the application sent to FakeTwilio.</li>
 * </ul>
 * Values shorter than {@value #MIN_LENGTH} characters ("Hi", "short") are not checked: too likely to
 * occur by chance. A secret registered late is still checked against every line logged before.
 */
public final class LogLeaks {

    public static final int MIN_LENGTH = 8;

    /** Request parameters whose values are secrets or personal data. */
    public static final List<String> SECRET_PARAMETERS = List.of("password", "authToken", "body", "Body");

    /** Lines kept to check late secrets against; plenty for a run (about 10,000 lines today). */
    private static final int MAX_LINES = 500_000;

    private static final Map<String, String> secrets = new ConcurrentHashMap<>();
    private static final List<LoggedLine> lines = new ArrayList<>();
    private static final List<String> violations = new ArrayList<>();

    record LoggedLine(String logger, String level, String text) {
    }

    static {
        secret("the Auth Token of TwilioSetupFixture", org.textdesk.twiliosetup.TwilioSetupFixture.AUTH_TOKEN);
        for (String password : TestPasswords.OTHERS) {
            secret("a password typed in a test", password);
        }
    }

    private LogLeaks() {
    }

    /** Registers a value that must never be logged; {@code what} names it in a failure (the value is never shown). */
    public static void secret(String what, String value) {
        if (value == null || value.strip().length() < MIN_LENGTH) {
            return;
        }
        if (secrets.putIfAbsent(value, what) == null) {
            synchronized (lines) {
                for (LoggedLine line : lines) {
                    check(line, value, what);
                }
            }
        }
    }

    /** Every log event of the run comes here (from {@link LeakCheckingAppender}). */
    static void logged(String logger, String level, String text) {
        LoggedLine line = new LoggedLine(logger, level, text);
        synchronized (lines) {
            if (lines.size() < MAX_LINES) {
                lines.add(line);
            }
            secrets.forEach((value, what) -> check(line, value, what));
        }
    }

    /** The violations found since the last call, and forgets them. */
    static List<String> takeViolations() {
        synchronized (lines) {
            List<String> taken = List.copyOf(violations);
            violations.clear();
            return taken;
        }
    }

    /**
     * Whether a secret logged now is still caught: a canary secret goes to the log through
     * {@value #CANARY_LOGGER} (which logback-test.xml sends to the check only) and must come back as a
     * violation. False when something (a Spring context re-initialising logging, say) detached the check.
     */
    static boolean stillWatching() {
        String canary = "log-leak-canary-" + java.util.UUID.randomUUID();
        String what = "the canary " + canary.substring(canary.length() - 8);
        secret(what, canary);
        org.slf4j.LoggerFactory.getLogger(CANARY_LOGGER).info("canary {}", canary);
        synchronized (lines) {
            secrets.remove(canary);
            return violations.removeIf(violation -> violation.contains(" logged " + what + ": "));
        }
    }

    static final String CANARY_LOGGER = "org.textdesk.logcheck.Canary";

    private static void check(LoggedLine line, String value, String what) {
        if (line.text().contains(value)) {
            violations.add(line.level() + " " + line.logger() + " logged " + what + ": \""
                    + line.text().replace(value, "<" + what + ">") + "\"");
        }
    }
}
