package org.textdesk.reminders;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.textdesk.client.Client;
import org.textdesk.system.OrganisationTime;

/** Which time zone a client lives in, for quiet hours and the client's local time on the pages. */
@Component
public class ClientTimeZones {

    private final JdbcTemplate jdbc;
    private final OrganisationTime organisationTime;
    private final Clock clock;

    ClientTimeZones(JdbcTemplate jdbc, OrganisationTime organisationTime, Clock clock) {
        this.jdbc = jdbc;
        this.organisationTime = organisationTime;
        this.clock = clock;
    }

    public ClientZones zonesOf(Client client) {
        List<String> set = jdbc.queryForList("select zone from client_time_zones where client_id = ?", String.class,
                client.getId());
        return zonesOf(client.getCellE164(), set.isEmpty() ? null : set.get(0));
    }

    /** A scheduled text's client's zones, from what its row carries. */
    public ClientZones zonesOf(ScheduledText text) {
        return zonesOf(text.clientCell(), text.clientZoneOverride());
    }

    /**
     * A client's zones from their cell (E.164, or null) and the zone set by hand (or null), for a page that read
     * many clients in one query (group texts).
     */
    public ClientZones zonesOf(String cellE164, String override) {
        if (override != null) {
            return new ClientZones(List.of(ZoneId.of(override)), ClientZones.Source.OVERRIDE);
        }
        List<ZoneId> fromAreaCode = AreaCodeTimeZones.of(cellE164);
        return fromAreaCode.isEmpty()
                ? new ClientZones(List.of(organisationTime.zone()), ClientZones.Source.ORGANISATION)
                : new ClientZones(fromAreaCode, ClientZones.Source.AREA_CODE);
    }

    /** Sets the client's zone by hand; null goes back to the area code's. */
    @Transactional
    public void override(long clientId, ZoneId zone, long staffId) {
        jdbc.update("delete from client_time_zones where client_id = ?", clientId);
        if (zone != null) {
            jdbc.update("insert into client_time_zones (client_id, zone, changed_by, changed_at) values (?, ?, ?, ?)",
                    clientId, zone.getId(), staffId, Timestamp.from(clock.instant()));
        }
    }
}
