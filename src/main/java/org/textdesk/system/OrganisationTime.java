package org.textdesk.system;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Dates and times as staff read them: in the organisation's time zone (TEXTDESK_TIME_ZONE, default
 * America/New_York), like the seed's "8/17/2016 2:30:55 PM". Templates call it as {@code @organisationTime}.
 */
@Component("organisationTime")
public class OrganisationTime {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("M/d/yyyy h:mm:ss a", Locale.US);

    private final ZoneId zone;

    OrganisationTime(@Value("${textdesk.time-zone}") String zone) {
        this.zone = ZoneId.of(zone);
    }

    public ZoneId zone() {
        return zone;
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(zone));
    }
}
