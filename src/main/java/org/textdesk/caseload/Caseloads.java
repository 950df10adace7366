package org.textdesk.caseload;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;
import org.textdesk.client.ClientCaseload;
import org.textdesk.staff.Staff;
import org.textdesk.staff.StaffPrincipal;
import org.textdesk.staff.StaffService;
import org.textdesk.system.Choice;
import org.textdesk.system.NotFoundException;

/**
 * Caseloads: each client's assigned caseworker, moving one client or all of a caseworker's clients to
 * another staff member ({@link CaseloadTransfer} says who may), and the record of who had a client when
 * ({@link CaseloadHistory}). Each move locks the client rows it changes, so two moves of one client at
 * once happen one after the other and each is in the history.
 */
@Service
public class Caseloads implements ClientCaseload {

    private static final Logger log = LoggerFactory.getLogger(Caseloads.class);

    private final JdbcTemplate jdbc;
    private final StaffService staffService;
    private final CaseloadHistory history;
    private final Clock clock;

    Caseloads(JdbcTemplate jdbc, StaffService staffService, CaseloadHistory history, Clock clock) {
        this.jdbc = jdbc;
        this.staffService = staffService;
        this.history = history;
        this.clock = clock;
    }

    /** What the client record shows of the caseload: who has the client, since when, and what this person may do. */
    public record CaseloadView(Long caseworkerId, String caseworkerName, List<CaseloadHistory.Row> history,
            boolean mayTransfer, boolean mayClaim, List<Choice> transferChoices) {
    }

    @Override
    @Transactional(readOnly = true)
    public CaseloadView sectionOf(long clientId, Long current, StaffPrincipal actor) {
        CaseloadTransfer.Actor who = actorOf(actor);
        // One read of the staff list gives both the caseworker's name and the people to transfer to.
        List<Staff> everyone = staffService.listStaff();
        String name = everyone.stream().filter(staff -> staff.getId().equals(current)).map(Staff::getDisplayName)
                .findFirst().orElse(null);
        List<Choice> choices = everyone.stream().filter(Staff::isEnabled)
                .filter(staff -> !staff.getId().equals(current))
                .map(staff -> Choice.of(staff.getId(), staff.getDisplayName())).toList();
        return new CaseloadView(current, name, history.of(clientId),
                CaseloadTransfer.mayTransfer(current, who), CaseloadTransfer.mayClaim(current, who)
                        && !Long.valueOf(actor.id()).equals(current), choices);
    }

    /** A new client's first caseworker is its creator: the first row of its history, in the transaction adding it. */
    @EventListener
    void recordFirstCaseworker(ClientCaseload.ClientAdded added) {
        history.record(added.clientId(), added.addedBy(), added.addedBy(), CaseloadHistory.Reason.CREATED, added.at());
    }

    /** Every staff member, by name, enabled or not (whose clients may be moved away). */
    @Transactional(readOnly = true)
    public List<Staff> allStaff() {
        return staffService.listStaff();
    }

    /** Every enabled staff member, by name: the people a client may be moved to. */
    @Transactional(readOnly = true)
    public List<Staff> activeStaff() {
        return staffService.listStaff().stream().filter(Staff::isEnabled).toList();
    }

    /**
     * Moves one client to the staff member with this id (as typed into the form: anything else is "unknown").
     *
     * @return the client's new caseworker
     * @throws CaseloadRefusedException when the move may not happen; nothing is written then
     * @throws ResponseStatusException 403 when this person may not move this client at all
     */
    @Transactional
    public Staff transfer(long clientId, String toStaffId, StaffPrincipal actor) {
        return move(clientId, candidateId(toStaffId), actor, CaseloadHistory.Reason.TRANSFER);
    }

    /** Takes an unassigned client (or, for an admin, any client) for oneself. */
    @Transactional
    public Staff claim(long clientId, StaffPrincipal actor) {
        return move(clientId, actor.id(), actor, CaseloadHistory.Reason.CLAIMED);
    }

    private Staff move(long clientId, Long toStaffId, StaffPrincipal actor, CaseloadHistory.Reason reason) {
        List<Long> locked = jdbc.query("select caseworker_id from clients where id = ? for update",
                (row, n) -> (Long) row.getObject(1, Long.class), clientId);
        if (locked.isEmpty()) {
            throw new NotFoundException("client", clientId);
        }
        Long current = locked.get(0);
        Optional<Staff> to = staffOf(toStaffId);
        CaseloadTransfer.refusalOfOne(current, to.map(Caseloads::candidate).orElse(null), actorOf(actor))
                .ifPresent(refusal -> refuse(refusal, to));
        Instant now = clock.instant();
        jdbc.update("update clients set caseworker_id = ? where id = ?", toStaffId, clientId);
        history.record(clientId, toStaffId, actor.id(), reason, now);
        log.info("Client {} moved from staff {} to staff {} by {}", clientId, current, toStaffId, actor.getUsername());
        return to.get();
    }

    /**
     * Moves every client of one caseworker (enabled or not: someone who left) to another, each with a
     * history row. Admins only.
     *
     * @return how many clients moved
     * @throws CaseloadRefusedException when the move may not happen; nothing is written then
     */
    @Transactional
    public int transferAll(String fromStaffId, String toStaffId, StaffPrincipal actor) {
        Optional<Staff> from = staffOf(candidateId(fromStaffId));
        Optional<Staff> to = staffOf(candidateId(toStaffId));
        CaseloadTransfer.refusalOfAll(from.map(Caseloads::candidate).orElse(null),
                to.map(Caseloads::candidate).orElse(null), actorOf(actor)).ifPresent(refusal -> refuse(refusal, to));
        List<Long> clients = jdbc.queryForList("select id from clients where caseworker_id = ? order by id for update",
                Long.class, from.get().getId());
        Instant now = clock.instant();
        for (Long clientId : clients) {
            jdbc.update("update clients set caseworker_id = ? where id = ?", to.get().getId(), clientId);
            history.record(clientId, to.get().getId(), actor.id(), CaseloadHistory.Reason.TRANSFER_ALL, now);
        }
        log.info("{} clients moved from staff {} to staff {} by {}", clients.size(), from.get().getId(),
                to.get().getId(), actor.getUsername());
        return clients.size();
    }

    /** How many clients each staff member has, for the admin page: (staff id, count), only those with clients. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, Long> clientCounts() {
        java.util.Map<Long, Long> counts = new java.util.HashMap<>();
        jdbc.query("select caseworker_id, count(*) from clients where caseworker_id is not null group by caseworker_id",
                (java.sql.ResultSet row) -> {
                    counts.put(row.getLong(1), row.getLong(2));
                });
        return counts;
    }

    private static void refuse(CaseloadTransfer.Refusal refusal, Optional<Staff> to) {
        if (refusal.forbidden()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "not this person's client to move");
        }
        throw new CaseloadRefusedException(refusal.messageKey(), to.map(Staff::getDisplayName).orElse(""));
    }

    private Optional<Staff> staffOf(Long id) {
        if (id == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(staffService.findStaff(id));
        } catch (NotFoundException nobody) {
            return Optional.empty();
        }
    }

    /** The id a form sent; anything that is not a number is nobody's. */
    private static Long candidateId(String typed) {
        if (typed == null || !typed.strip().matches("[0-9]{1,18}")) {
            return null;
        }
        return Long.valueOf(typed.strip());
    }

    private static CaseloadTransfer.Candidate candidate(Staff staff) {
        return new CaseloadTransfer.Candidate(staff.getId(), staff.isEnabled());
    }

    private static CaseloadTransfer.Actor actorOf(StaffPrincipal actor) {
        // a supervisor moves and claims single clients as an admin does; moving a whole caseload is an admin page
        return new CaseloadTransfer.Actor(actor.id(), actor.seesEveryClient());
    }
}
