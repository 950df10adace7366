package org.textdesk.appointments;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.textdesk.grouptexts.FilterChoice;
import org.textdesk.grouptexts.RecipientFilter;
import org.textdesk.staff.StaffPrincipal;
import org.textdesk.system.OrganisationTime;

/**
 * Group texts to the clients with an appointment (booked, not cancelled) on a day of the organisation's calendar:
 * "the office is closed tomorrow, your appointment moves". By group texts' rule a caseworker texts only their own
 * clients, so a caseworker gets those of their clients; an admin every client with an appointment that day.
 */
@Component
class AppointmentDayFilter implements RecipientFilter {

    static final String KEY = "appointment-day";

    private final JdbcTemplate jdbc;
    private final OrganisationTime organisationTime;

    AppointmentDayFilter(JdbcTemplate jdbc, OrganisationTime organisationTime) {
        this.jdbc = jdbc;
        this.organisationTime = organisationTime;
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String labelKey() {
        return "groupTexts.filter.appointment-day";
    }

    @Override
    public Argument argument() {
        return Argument.DAY;
    }

    @Override
    public boolean allowedFor(StaffPrincipal staff) {
        return true;
    }

    @Override
    public List<Long> clientIds(FilterChoice choice) {
        ZoneId zone = organisationTime.zone();
        LocalDate day = choice.day();
        Instant from = day.atStartOfDay(zone).toInstant();
        Instant until = day.plusDays(1).atStartOfDay(zone).toInstant();
        String sql = """
                select distinct a.client_id from appointments a join clients c on c.id = a.client_id
                where a.state = 'BOOKED' and a.starts_at >= ? and a.starts_at < ?""";
        if (choice.staff().isAdmin()) {
            return jdbc.queryForList(sql + " order by a.client_id", Long.class, java.sql.Timestamp.from(from),
                    java.sql.Timestamp.from(until));
        }
        return jdbc.queryForList(sql + " and c.caseworker_id = ? order by a.client_id", Long.class,
                java.sql.Timestamp.from(from), java.sql.Timestamp.from(until), choice.staff().id());
    }
}
