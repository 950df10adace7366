package org.textdesk.reminders;

import java.time.ZoneId;
import java.util.List;

/**
 * A client's time zones and where they came from: set by hand on the client, the cell's area code (one, or
 * several when it spans zones: quiet hours then hold in all of them), or the organisation's when neither says.
 */
public record ClientZones(List<ZoneId> zones, Source source) {

    public enum Source {
        OVERRIDE,
        AREA_CODE,
        ORGANISATION
    }

    public ClientZones {
        zones = List.copyOf(zones);
        if (zones.isEmpty()) {
            throw new IllegalArgumentException("a client has at least one time zone");
        }
    }

    /** The zone the client's local time is shown in: the only one, or the first of several. */
    public ZoneId shown() {
        return zones.get(0);
    }

    public boolean several() {
        return zones.size() > 1;
    }
}
