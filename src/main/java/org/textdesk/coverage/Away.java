package org.textdesk.coverage;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.textdesk.staff.Staff;
import org.textdesk.staff.StaffService;
import org.textdesk.system.Choice;
import org.textdesk.system.FieldRuleException;
import org.textdesk.system.NotFoundException;
import org.textdesk.system.OrganisationTime;
import org.textdesk.texts.Sql;

/**
 * Who is away and who covers: a person's own away period (set and ended on My settings), and the colleagues a
 * person covers for now. "Now" is always the injected clock's, so a period ends by itself at its "until".
 */
@Service
public class Away {

    /** A colleague away now whom someone covers for. */
    public record Colleague(long id, String displayName) {
    }

    /** A person's away period as My settings shows it: set, on now or still to come, and who covers. */
    public record Status(Instant from, Instant until, String coveredByName, boolean onNow) {
    }

    private static final String AWAY_NOW = "a.away_from <= ? and a.away_until > ?";

    private final JdbcTemplate jdbc;
    private final StaffService staffService;
    private final OrganisationTime organisationTime;
    private final Clock clock;

    Away(JdbcTemplate jdbc, StaffService staffService, OrganisationTime organisationTime, Clock clock) {
        this.jdbc = jdbc;
        this.staffService = staffService;
        this.organisationTime = organisationTime;
        this.clock = clock;
    }

    /** The form as My settings shows it: the period set and not over, else an empty one. */
    @Transactional(readOnly = true)
    public AwayForm current(long staffId) {
        AwayForm form = new AwayForm();
        jdbc.query("select away_from, away_until, message, covered_by from staff_away where staff_id = ?"
                + " and away_until > ?", (java.sql.ResultSet row) -> {
                    form.setAwayFrom(typed(Sql.instant(row, "away_from")));
                    form.setAwayUntil(typed(Sql.instant(row, "away_until")));
                    form.setMessage(row.getString("message"));
                    form.setCoveredBy(String.valueOf(row.getLong("covered_by")));
                }, staffId, Sql.timestamp(clock.instant()));
        return form;
    }

    /** The person's away period when one is set and not over yet. */
    @Transactional(readOnly = true)
    public Optional<Status> statusOf(long staffId) {
        Instant now = clock.instant();
        return jdbc.query("""
                select a.away_from, a.away_until, s.display_name from staff_away a join staff s on s.id = a.covered_by
                where a.staff_id = ? and a.away_until > ?""",
                (row, n) -> {
                    Instant from = Sql.instant(row, "away_from");
                    Instant until = Sql.instant(row, "away_until");
                    return new Status(from, until, row.getString("display_name"), AwayRule.isAway(from, until, now));
                }, staffId, Sql.timestamp(now)).stream().findFirst();
    }

    /** The colleagues who may cover for this person: every enabled staff member but themselves, by name. */
    @Transactional(readOnly = true)
    public List<Choice> colleaguesOf(long staffId) {
        return staffService.listStaff().stream().filter(Staff::isEnabled).filter(staff -> staff.getId() != staffId)
                .map(staff -> Choice.of(staff.getId(), staff.getDisplayName())).toList();
    }

    /**
     * Sets (or replaces) the person's away period; nothing is written when a field is refused.
     *
     * @throws FieldRuleException beside the field refused
     */
    @Transactional
    public void save(long staffId, AwayForm form) {
        Instant now = clock.instant();
        AwayRule.Period period = AwayRule.period(form.getAwayFrom(), form.getAwayUntil(), organisationTime.zone(), now);
        String message = AwayRule.message(form.getMessage());
        long coveredBy = colleague(staffId, form.getCoveredBy());
        jdbc.update("delete from staff_away where staff_id = ?", staffId);
        jdbc.update("insert into staff_away (staff_id, away_from, away_until, message, covered_by, updated_at)"
                + " values (?, ?, ?, ?, ?, ?)", staffId, Sql.timestamp(period.from()), Sql.timestamp(period.until()),
                message, coveredBy, Sql.timestamp(now));
    }

    /** Ends the person's away period now (or drops one still to come). */
    @Transactional
    public void end(long staffId) {
        jdbc.update("delete from staff_away where staff_id = ?", staffId);
    }

    /** The colleagues away now whom this person covers for, by name. */
    @Transactional(readOnly = true)
    public List<Colleague> coveredNowBy(long staffId) {
        Instant now = clock.instant();
        return jdbc.query("select s.id, s.display_name from staff_away a join staff s on s.id = a.staff_id"
                + " where a.covered_by = ? and " + AWAY_NOW + " order by s.display_name, s.id",
                (row, n) -> new Colleague(row.getLong(1), row.getString(2)), staffId, Sql.timestamp(now),
                Sql.timestamp(now));
    }

    /** The covering colleague's id, as the form sent it: an enabled staff member other than oneself. */
    private long colleague(long staffId, String typed) {
        if (typed == null || !typed.matches("[0-9]{1,18}") || Long.parseLong(typed) == staffId) {
            throw new FieldRuleException("coveredBy", "away.coveredBy.invalid");
        }
        try {
            Staff colleague = staffService.findStaff(Long.parseLong(typed));
            if (!colleague.isEnabled()) {
                throw new FieldRuleException("coveredBy", "away.coveredBy.invalid");
            }
            return colleague.getId();
        } catch (NotFoundException nobody) {
            throw new FieldRuleException("coveredBy", "away.coveredBy.invalid");
        }
    }

    /** An instant as a datetime-local input shows it: the organisation's date and time, to the minute. */
    private String typed(Instant instant) {
        return LocalDateTime.ofInstant(instant, organisationTime.zone()).truncatedTo(ChronoUnit.MINUTES).toString();
    }
}
