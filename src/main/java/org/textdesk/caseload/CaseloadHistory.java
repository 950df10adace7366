package org.textdesk.caseload;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.textdesk.system.OrganisationTime;

/** The rows of caseload_assignments: who had a client when. Written in the caller's transaction. */
@Component
class CaseloadHistory {

    /** Why a client went to a caseworker (the reason column). */
    enum Reason {
        CREATED, TRANSFER, TRANSFER_ALL, CLAIMED, BEFORE_CASELOADS
    }

    /**
     * One assignment as the client record lists it, oldest first.
     *
     * @param caseworkerName null: unassigned
     * @param assignedByName null: TextDesk itself (clients from before caseloads)
     */
    record Row(ZonedDateTime since, String caseworkerName, String assignedByName, Reason reason) {

        public String reasonKey() {
            return "caseload.reason." + reason.name();
        }
    }

    private final JdbcTemplate jdbc;
    private final OrganisationTime organisationTime;

    CaseloadHistory(JdbcTemplate jdbc, OrganisationTime organisationTime) {
        this.jdbc = jdbc;
        this.organisationTime = organisationTime;
    }

    void record(long clientId, Long caseworkerId, long assignedBy, Reason reason, Instant now) {
        jdbc.update("""
                insert into caseload_assignments (client_id, caseworker_id, assigned_by, reason, assigned_at)
                values (?, ?, ?, ?, ?)""", clientId, caseworkerId, assignedBy, reason.name(), now.atOffset(ZoneOffset.UTC));
    }

    List<Row> of(long clientId) {
        return jdbc.query("""
                select a.assigned_at, w.display_name as caseworker_name, b.display_name as assigned_by_name, a.reason
                from caseload_assignments a
                left join staff w on w.id = a.caseworker_id
                left join staff b on b.id = a.assigned_by
                where a.client_id = ? order by a.assigned_at, a.id""", (row, n) -> new Row(
                row.getObject("assigned_at", OffsetDateTime.class).atZoneSameInstant(organisationTime.zone()), row.getString("caseworker_name"),
                row.getString("assigned_by_name"), Reason.valueOf(row.getString("reason"))), clientId);
    }
}
