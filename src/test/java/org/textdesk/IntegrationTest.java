package org.textdesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.textdesk.logcheck.LogLeaks;
import org.textdesk.logcheck.RequestSecretsConfiguration;
import org.textdesk.staff.Role;
import org.textdesk.staff.Staff;
import org.textdesk.staff.StaffPrincipal;
import org.textdesk.staff.StaffService;
import org.textdesk.twilio.TwilioSetup;
import org.textdesk.twiliosetup.TwilioSetupFixture;
import org.textdesk.twiliosetup.TwilioSetupService;

/**
 * The base of every test that needs the application: one Spring context (cached and shared by all
 * subclasses) on real PostgreSQL ({@link TestDatabase}), served on a random port, with every table emptied
 * before each test.
 * The Twilio API it calls is {@link FakeTwilio}, reset before each test; {@link #configureTwilio()}
 * gives it a complete, enabled Twilio Setup.
 */
@ExtendWith(TestDatabase.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import({SqlStatements.Configuration.class, RequestSecretsConfiguration.class, TestClock.Configuration.class})
public abstract class IntegrationTest {

    /** The password of every staff account a test creates. */
    protected static final String STAFF_PASSWORD = "correct horse battery";

    /** The name of the session cookie (server.servlet.session.cookie.name). */
    protected static final String SESSION_COOKIE = "SESSION";

    /** The Auth Token's encryption key in tests (base64 of the bytes 0 to 31). */
    protected static final String TEST_ENCRYPTION_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

    /** The Twilio REST API of every test; see {@link FakeTwilio}. */
    protected static final FakeTwilio fakeTwilio = FakeTwilio.instance();

    static {
        LogLeaks.secret("IntegrationTest.STAFF_PASSWORD", STAFF_PASSWORD);
    }

    private static final AtomicInteger staffSequence = new AtomicInteger();
    private static List<String> applicationTables;

    @Autowired
    protected MockMvcTester mvc;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected StaffService staffService;

    @Autowired
    protected TwilioSetupService twilioSetupService;

    @LocalServerPort
    protected int port;

    /** The application's clock: real time unless the test pins it (released before each test). */
    @Autowired
    protected TestClock clock;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry);
    }

    @DynamicPropertySource
    static void twilioProperties(DynamicPropertyRegistry registry) {
        registry.add("textdesk.twilio.api-base-url", fakeTwilio::baseUrl);
        registry.add("textdesk.twilio.encryption-key", () -> TEST_ENCRYPTION_KEY);
        // tests change twilio_settings with SQL and truncate it between tests: no cached setup
        registry.add("textdesk.twilio.setup-cache", () -> "0s");
        registry.add("textdesk.reconciliation.enabled", () -> "${textdesk.test.reconciliation-enabled:false}");
    }

    @BeforeEach
    void resetFakeTwilio() {
        fakeTwilio.reset();
        clock.release();
    }

    /** Every request TextDesk sent Twilio in the test follows Twilio's API description. */
    @org.junit.jupiter.api.AfterEach
    void everyTwilioRequestFollowedTwiliosDescription() {
        assertThat(fakeTwilio.violations()).as("requests that break Twilio's API description").isEmpty();
    }

    @BeforeEach
    protected void emptyEveryTable() {
        if (applicationTables == null) {
            applicationTables = jdbc.queryForList("""
                    select table_name from information_schema.tables
                    where table_schema = current_schema() and table_type = 'BASE TABLE'
                      and table_name not in ('flyway_schema_history', 'scheduled_tasks', 'languages')""",
                    String.class);
        }
        if (!applicationTables.isEmpty()) {
            truncate("truncate table " + String.join(", ", applicationTables) + " restart identity cascade");
        }
        // The clustered scheduler's recurring jobs (reconciliation, picture fetching) are written once, when an
        // instance starts: they stay, as in production; every one-time task of an earlier test goes.
        jdbc.update("delete from scheduled_tasks where task_instance <> 'recurring'");
        // The languages the migration wrote (English 1, Spanish 2) stay, as in every database; the ones a test
        // added go (nothing refers to them once the other tables are empty).
        jdbc.update("delete from languages where id > 2");
    }

    /**
     * The truncation locks every table in turn; a background job of the test's instance (the scheduler's, the live
     * fan-out's) that reads two of them meanwhile can deadlock with it, and PostgreSQL then ends one of the two (CI
     * once ended the truncation). Emptying the tables again is harmless; three tries.
     */
    private void truncate(String statement) {
        for (int attempt = 1; ; attempt++) {
            try {
                jdbc.execute(statement);
                return;
            } catch (org.springframework.dao.PessimisticLockingFailureException deadlock) {
                if (attempt == 3) {
                    throw deadlock;
                }
            }
        }
    }

    protected Staff newCaseworker() {
        return newStaff(Role.CASEWORKER);
    }

    protected Staff newAdmin() {
        return newStaff(Role.ADMIN);
    }

    protected Staff newStaff(Role role) {
        int n = staffSequence.incrementAndGet();
        return staffService.createStaff(role.name().toLowerCase() + n, "Test " + role.name().toLowerCase() + " " + n,
                role, STAFF_PASSWORD);
    }

    /** The principal to pass to MockMvc's {@code user(..)} request post-processor. */
    protected static StaffPrincipal as(Staff staff) {
        return StaffPrincipal.of(staff);
    }

    /**
     * A complete, enabled Twilio Setup (Account SID, Auth Token, Twilio # and responses of
     * {@link TwilioSetupFixture}; Status Callback {@code <baseUrl>/twilio/status}) whose credentials
     * {@link #fakeTwilio} accepts.
     */
    protected TwilioSetup configureTwilio() {
        return TwilioSetupFixture.configure(twilioSetupService, fakeTwilio, baseUrl());
    }

    /**
     * Opens the page a redirect leads to in the same HTTP session, as a browser does, so that the
     * message the redirect left for it (a flash attribute) shows. Sessions live in the database
     * (Spring Session JDBC): MockMvc's {@code flashAttr(..)} and {@code session(..)} put things in a
     * mock session the application never reads, so follow the redirect with its session cookie instead.
     */
    protected MvcTestResult followRedirect(MvcTestResult redirect, StaffPrincipal who) {
        MockHttpServletResponse response = redirect.getMvcResult().getResponse();
        String location = response.getRedirectedUrl();
        if (location == null) {
            throw new AssertionError("not a redirect: status " + response.getStatus());
        }
        var request = MockMvcRequestBuilders.get(location).with(
                org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user(who));
        response.getHeaders("Set-Cookie").stream()
                .filter(header -> header.startsWith(SESSION_COOKIE + "="))
                .map(header -> header.substring(SESSION_COOKIE.length() + 1).split(";", 2)[0])
                .reduce((first, last) -> last)
                .ifPresent(session -> request.cookie(new Cookie(SESSION_COOKIE, session)));
        return mvc.perform(request);
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    /** GET as the staff member, which must answer 200: the page and the SQL statements it ran (no N+1 checks). */
    protected SqlStatements.Counted<String> countedGet(String uri, Staff staff) {
        return SqlStatements.count(() -> {
            MockHttpServletResponse response = mvc.get().uri(uri)
                    .with(user(as(staff))).exchange().getResponse();
            assertThat(response.getStatus()).as(uri).isEqualTo(200);
            try {
                return response.getContentAsString(StandardCharsets.UTF_8);
            } catch (java.io.UnsupportedEncodingException impossible) {
                throw new IllegalStateException(impossible);
            }
        });
    }
}
