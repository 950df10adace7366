package org.textdesk.caseload;

import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.textdesk.texts.Sql;

/** The admin's choice of restricted caseloads (caseload_settings, one row; no row is off, as the migration sets). */
@Repository
class CaseloadRestriction {

    private final JdbcTemplate jdbc;

    CaseloadRestriction(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean isOn() {
        return jdbc.queryForList("select restricted from caseload_settings where id = 1", Boolean.class).stream()
                .findFirst().orElse(false);
    }

    void set(boolean restricted, long adminId, Instant now) {
        if (jdbc.update("update caseload_settings set restricted = ?, changed_by = ?, changed_at = ? where id = 1",
                restricted, adminId, Sql.timestamp(now)) == 0) {
            jdbc.update("insert into caseload_settings (id, restricted, changed_by, changed_at) values (1, ?, ?, ?)",
                    restricted, adminId, Sql.timestamp(now));
        }
    }
}
