package org.textdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.textdesk.IntegrationTest;

class PostgresConnectionSettingsTest extends IntegrationTest {

    @Test
    void theAppsConnectionsRunWithoutPostgresqlsJitCompiler() {
        assertThat(jdbc.queryForObject("show jit", String.class)).isEqualTo("off");
    }
}
