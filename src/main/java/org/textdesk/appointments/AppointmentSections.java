package org.textdesk.appointments;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import org.textdesk.cases.CaseAppointments;
import org.textdesk.cases.CaseRecord;
import org.textdesk.client.ClientAppointments;
import org.textdesk.system.OrganisationTime;

/** The Appointments sections of the case page and the client record (template appointments/sections). */
@Component
public class AppointmentSections implements CaseAppointments, ClientAppointments {

    /** The case page's section: its appointments, and whether a new one may be booked (an open case). */
    public record CaseSection(List<AppointmentView> appointments, boolean mayBook) {
    }

    private final Appointments appointments;
    private final OrganisationTime organisationTime;
    private final Clock clock;

    AppointmentSections(Appointments appointments, OrganisationTime organisationTime, Clock clock) {
        this.appointments = appointments;
        this.organisationTime = organisationTime;
        this.clock = clock;
    }

    @Override
    public CaseSection sectionOf(CaseRecord caseRecord) {
        return new CaseSection(appointments.ofCase(caseRecord.getId()), caseRecord.isOpen());
    }

    /** The client's appointments from today on (in the organisation's time), the earliest first. */
    @Override
    public List<AppointmentView> sectionOf(long clientId) {
        return appointments.upcomingOfClient(clientId,
                LocalDate.now(clock.withZone(organisationTime.zone())).atStartOfDay(organisationTime.zone()).toInstant());
    }
}
