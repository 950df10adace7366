package org.textdesk.caseload;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.textdesk.client.ClientAccess;
import org.textdesk.coverage.Away;
import org.textdesk.coverage.CoverageOpens;
import org.textdesk.staff.StaffPrincipal;

/**
 * The one check of who may see a client and its texts (client's port, issue 21 point 3): with restricted
 * caseloads on, a caseworker's own clients and those of the colleagues away whom they cover for now; supervisors,
 * admins, and everyone while it is off, every client. Also the record of opens through coverage.
 */
@Component
class CaseloadAccess implements ClientAccess {

    private final JdbcTemplate jdbc;
    private final CaseloadRestriction restriction;
    private final Away away;
    private final CoverageOpens coverageOpens;

    CaseloadAccess(JdbcTemplate jdbc, CaseloadRestriction restriction, Away away, CoverageOpens coverageOpens) {
        this.jdbc = jdbc;
        this.restriction = restriction;
        this.away = away;
        this.coverageOpens = coverageOpens;
    }

    @Override
    public Scope scopeOf(StaffPrincipal viewer) {
        if (viewer.seesEveryClient() || !restriction.isOn()) {
            return Scope.EVERY_CLIENT;
        }
        Set<Long> caseworkers = new HashSet<>();
        caseworkers.add(viewer.id());
        away.coveredNowBy(viewer.id()).forEach(colleague -> caseworkers.add(colleague.id()));
        return new Scope(false, caseworkers);
    }

    @Override
    public void require(StaffPrincipal viewer, long clientId) {
        if (!maySeeClient(scopeOf(viewer), clientId)) {
            throw notTheirs();
        }
    }

    @Override
    public void requireText(StaffPrincipal viewer, long messageId) {
        if (!maySeeText(scopeOf(viewer), messageId)) {
            throw notTheirs();
        }
    }

    @Override
    public boolean maySee(Scope scope, Long clientId, Long messageId) {
        return (clientId == null || maySeeClient(scope, clientId)) && (messageId == null || maySeeText(scope, messageId));
    }

    @Override
    public void opened(StaffPrincipal viewer, long clientId, Opening what) {
        require(viewer, clientId);
        coverageOpens.recordIfCovering(viewer.id(), clientId, CoverageOpens.Opened.valueOf(what.name()));
    }

    private boolean maySeeClient(Scope scope, long clientId) {
        if (scope.everyClient()) {
            return true;
        }
        List<Long> caseworker = jdbc.query("select caseworker_id from clients where id = ?",
                (row, n) -> (Long) row.getObject(1, Long.class), clientId);
        // a client that does not exist is the route's 404 to say
        return caseworker.isEmpty() || scope.includes(caseworker.get(0));
    }

    /** A text linked to clients: one of them in scope; a text from an unknown number (no client): everyone. */
    private boolean maySeeText(Scope scope, long messageId) {
        if (scope.everyClient()) {
            return true;
        }
        List<Long> caseworkers = jdbc.query("""
                select c.caseworker_id from client_texts ct join clients c on c.id = ct.client_id
                where ct.text_message_id = ?""", (row, n) -> (Long) row.getObject(1, Long.class), messageId);
        return caseworkers.isEmpty() || caseworkers.stream().anyMatch(scope::includes);
    }

    private static ResponseStatusException notTheirs() {
        return new ResponseStatusException(HttpStatus.FORBIDDEN, "not in this person's caseload");
    }
}
