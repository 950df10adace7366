package org.textdesk.hardening;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.textdesk.IntegrationTest;
import org.textdesk.staff.StaffPrincipal;

/** The actuator shows health (UP or DOWN, nothing more) and nothing else, to anyone. */
class ActuatorExposureTest extends IntegrationTest {

    private static final List<String> HIDDEN = List.of("/actuator", "/actuator/env", "/actuator/beans",
            "/actuator/metrics", "/actuator/configprops", "/actuator/mappings", "/actuator/loggers",
            "/actuator/heapdump", "/actuator/threaddump", "/actuator/sessions", "/actuator/flyway", "/actuator/info");

    @Test
    void healthIsOpenToAnyoneAndTellsOnlyTheStatus() {
        assertThat(mvc.get().uri("/actuator/health")).hasStatusOk().bodyJson()
                .isLenientlyEqualTo("{\"status\":\"UP\",\"groups\":[\"liveness\",\"readiness\"]}");
        assertThat(mvc.get().uri("/actuator/health")).bodyText().doesNotContain("components", "details", "db",
                "diskSpace", "PostgreSQL");
        assertThat(mvc.get().uri("/actuator/health/liveness")).hasStatusOk().bodyText().doesNotContain("details");
    }

    @Test
    void nothingElseOfTheActuatorIsReachableForAnyone() {
        StaffPrincipal caseworker = as(newCaseworker());
        StaffPrincipal admin = as(newAdmin());
        for (String path : HIDDEN) {
            MvcTestResult anonymous = mvc.get().uri(path).exchange();
            assertThat(anonymous.getMvcResult().getResponse().getStatus()).as(path + " anonymous").isEqualTo(302);
            assertThat(anonymous.getMvcResult().getResponse().getRedirectedUrl()).as(path).endsWith("/login");
            for (StaffPrincipal staff : List.of(caseworker, admin)) {
                assertThat(mvc.get().uri(path).with(user(staff))).as(path + " as " + staff.getUsername())
                        .hasStatus(404);
            }
        }
    }
}
