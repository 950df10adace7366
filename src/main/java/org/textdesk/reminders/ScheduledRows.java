package org.textdesk.reminders;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Component;
import org.textdesk.staff.StaffPrincipal;
import org.textdesk.system.OrganisationTime;

/** Scheduled texts as the Scheduled page and a client's Texts show them. */
@Component
public class ScheduledRows {

    private static final DateTimeFormatter CLIENT_TIME = DateTimeFormatter.ofPattern("M/d/yyyy h:mm a z", Locale.US);

    private final ScheduledTexts scheduledTexts;
    private final ClientTimeZones timeZones;
    private final OrganisationTime organisationTime;

    ScheduledRows(ScheduledTexts scheduledTexts, ClientTimeZones timeZones, OrganisationTime organisationTime) {
        this.scheduledTexts = scheduledTexts;
        this.timeZones = timeZones;
        this.organisationTime = organisationTime;
    }

    /** One page of the Scheduled page, counted from 1 (past the end: the last page). */
    public Listing pageFor(StaffPrincipal staff, int pageNumber) {
        ScheduledTexts.Listing listing = scheduledTexts.pageFor(staff, pageNumber);
        return new Listing(listing.texts().map(this::row), listing.moreThan());
    }

    /** One page of rows; {@code moreThan} as {@link ScheduledTexts.Listing} has it. */
    public record Listing(Page<ScheduledRow> rows, Long moreThan) {
    }

    /** A client's texts waiting to go (and held ones), for the client's Texts page. */
    public List<ScheduledRow> waitingOfClient(long clientId) {
        return scheduledTexts.waitingOfClient(clientId).stream().map(this::row).toList();
    }

    private ScheduledRow row(ScheduledText text) {
        ZoneId zone = timeZones.zonesOf(text).shown();
        return new ScheduledRow(text, organisationTime.dateTime(text.dueAt()), clientTime(text.dueAt(), zone),
                text.nextTryAt() == null ? null : clientTime(text.nextTryAt(), zone));
    }

    private static String clientTime(Instant instant, ZoneId zone) {
        return CLIENT_TIME.format(instant.atZone(zone));
    }
}
