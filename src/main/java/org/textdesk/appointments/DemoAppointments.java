package org.textdesk.appointments;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Map;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.textdesk.language.Languages;
import org.textdesk.staff.StaffPrincipal;
import org.textdesk.staff.StaffRepository;
import org.textdesk.system.ConditionalOnEmbeddedDefault;
import org.textdesk.system.OrganisationTime;

/**
 * The embedded default's reminders: one reminder text (with its Spanish version), one plan (1 day before at
 * 10:00) and an appointment a week ahead on Jordan Avery's case 16E-20010101, booked by the demo caseworker.
 * Only when there are no reminder texts yet; never on a real database.
 */
@Component
@ConditionalOnEmbeddedDefault
@Order(45)
class DemoAppointments implements ApplicationRunner {

    static final String TEXT = "Hi {first_name}, reminder: your appointment is {appointment_date} at "
            + "{appointment_time}, {place}. Reply C to confirm or R to reschedule.";
    static final String SPANISH = "Hola {first_name}: su cita es el {appointment_date} a las {appointment_time}, "
            + "{place}. Responda C para confirmar o R para cambiarla.";

    private final ReminderSettings settings;
    private final Appointments appointments;
    private final StaffRepository staffRepository;
    private final JdbcTemplate jdbc;
    private final OrganisationTime organisationTime;
    private final Clock clock;

    DemoAppointments(ReminderSettings settings, Appointments appointments, StaffRepository staffRepository,
            JdbcTemplate jdbc, OrganisationTime organisationTime, Clock clock) {
        this.settings = settings;
        this.appointments = appointments;
        this.staffRepository = staffRepository;
        this.jdbc = jdbc;
        this.organisationTime = organisationTime;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!settings.texts().isEmpty()) {
            return;
        }
        long text = settings.saveText(null, null, "Standard reminder", TEXT, Map.of(Languages.SPANISH_ID, SPANISH));
        settings.addPlan(new ReminderTiming(1, LocalTime.of(10, 0), null), text);
        var caseIds = jdbc.queryForList("select id from cases where case_number = '16E-20010101'", Long.class);
        var casey = staffRepository.findByUsernameIgnoreCase("casey");
        if (caseIds.isEmpty() || casey.isEmpty()) {
            return;
        }
        LocalDate inAWeek = LocalDate.now(clock.withZone(organisationTime.zone())).plusDays(7);
        appointments.book(caseIds.get(0), new AppointmentRows.Details(ZonedDateTime.of(inAWeek, LocalTime.of(10, 0),
                organisationTime.zone()).toInstant(), "Main office, 100 Peachtree St", "Bring your lease",
                casey.get().getId()), "demo-appointment", StaffPrincipal.of(casey.get()));
    }
}
