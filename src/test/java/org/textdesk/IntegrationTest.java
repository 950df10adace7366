package org.textdesk;

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
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.textdesk.staff.Role;
import org.textdesk.staff.Staff;
import org.textdesk.staff.StaffPrincipal;
import org.textdesk.staff.StaffService;

/**
 * The base of every test that needs the application: one Spring context (cached and shared by all
 * subclasses) on real PostgreSQL, served on a random port, with every table emptied before each test.
 */
@ExtendWith(PostgresRequired.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(ContainerDatabaseConfiguration.class)
public abstract class IntegrationTest {

    /** The password of every staff account a test creates. */
    protected static final String STAFF_PASSWORD = "correct horse battery";

    private static final AtomicInteger staffSequence = new AtomicInteger();
    private static List<String> applicationTables;

    @Autowired
    protected MockMvcTester mvc;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected StaffService staffService;

    @LocalServerPort
    protected int port;

    @BeforeEach
    void emptyEveryTable() {
        if (applicationTables == null) {
            applicationTables = jdbc.queryForList("""
                    select table_name from information_schema.tables
                    where table_schema = current_schema() and table_type = 'BASE TABLE'
                      and table_name <> 'flyway_schema_history'""", String.class);
        }
        if (!applicationTables.isEmpty()) {
            jdbc.execute("truncate table " + String.join(", ", applicationTables) + " restart identity cascade");
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

    protected String baseUrl() {
        return "http://localhost:" + port;
    }
}
