package org.textdesk.caseload;

import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.textdesk.texts.Sql;

/**
 * The admin's choice of restricted caseloads (caseload_settings, one row; no row is off, as the migration sets). A
 * request reads it once: the route guard, the lists and the navigation's counts all ask, and the answer cannot
 * change under a request other than the one that sets it.
 */
@Repository
class CaseloadRestriction {

    private static final String READ_IN_THIS_REQUEST = CaseloadRestriction.class.getName() + ".on";

    private final JdbcTemplate jdbc;

    CaseloadRestriction(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean isOn() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(READ_IN_THIS_REQUEST, RequestAttributes.SCOPE_REQUEST)
                instanceof Boolean known) {
            return known;
        }
        boolean on = jdbc.queryForList("select restricted from caseload_settings where id = ?", Boolean.class, 1)
                .stream().findFirst().orElse(false);
        remember(request, on);
        return on;
    }

    private static void remember(RequestAttributes request, boolean on) {
        if (request != null) {
            request.setAttribute(READ_IN_THIS_REQUEST, on, RequestAttributes.SCOPE_REQUEST);
        }
    }

    void set(boolean restricted, long adminId, Instant now) {
        if (jdbc.update("update caseload_settings set restricted = ?, changed_by = ?, changed_at = ? where id = 1",
                restricted, adminId, Sql.timestamp(now)) == 0) {
            jdbc.update("insert into caseload_settings (id, restricted, changed_by, changed_at) values (1, ?, ?, ?)",
                    restricted, adminId, Sql.timestamp(now));
        }
        remember(RequestContextHolder.getRequestAttributes(), restricted);
    }
}
