package org.textdesk.appointments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.textdesk.IntegrationTest;
import org.textdesk.cases.CaseRecord;
import org.textdesk.cases.CaseService;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.staff.Staff;

/**
 * Group texts' filter "clients with an appointment on a day" (issue 21 point 4 with issue 18's appointments): the
 * day is the organisation's (New York), cancelled appointments do not count, a caseworker gets only their own
 * clients and an admin everyone's; a missing or malformed day is refused beside its field.
 */
class AppointmentDayFilterTest extends IntegrationTest {

    /** Tuesday 5 March 2030, 10:00 in New York. */
    static final Instant TUESDAY_10_AM_NEW_YORK = Instant.parse("2030-03-05T15:00:00Z");

    @Autowired
    ClientService clientService;

    @Autowired
    CaseService caseService;

    Staff casey;
    Staff robin;
    int caseNumber;

    @BeforeEach
    void appointmentsAroundWednesday() {
        clock.pin(TUESDAY_10_AM_NEW_YORK);
        casey = newCaseworker();
        robin = newCaseworker();
        configureTwilio();
        // Wednesday 6 March in New York runs from 05:00Z on the 6th to 05:00Z on the 7th.
        appointment(client("Jordan", "538-7319", casey), "2030-03-06T05:00:00Z", "BOOKED");
        appointment(client("Sam", "538-7320", casey), "2030-03-07T04:59:00Z", "BOOKED");
        appointment(client("Pat", "538-7321", casey), "2030-03-06T04:59:00Z", "BOOKED");
        appointment(client("Morgan", "538-7322", casey), "2030-03-06T15:00:00Z", "CANCELLED");
        appointment(client("Alex", "538-7323", robin), "2030-03-06T15:00:00Z", "BOOKED");
    }

    private Client client(String first, String cell, Staff caseworker) {
        return ClientFixture.client(first, "Avery").cell("404", cell).safe(true).okayToText(true)
                .create(clientService, as(caseworker));
    }

    private void appointment(Client client, String startsAt, String state) {
        CaseRecord caseRecord = caseService.openCase(client.getId(), String.format("16E-203001%02d", ++caseNumber),
                "Housing", LocalDate.of(2030, 1, 1), null);
        jdbc.update("""
                insert into appointments (case_id, client_id, starts_at, place, staff_id, state, created_by, created_at,
                    updated_at)
                values (?, ?, ?, 'Main office', ?, ?, ?, now(), now())""", caseRecord.getId(), client.getId(),
                Timestamp.from(Instant.parse(startsAt)), casey.getId(), state, casey.getId());
    }

    private MvcTestResult preview(Staff staff, String day) {
        return mvc.post().uri("/group-texts/preview").with(user(as(staff))).with(csrf())
                .param("filter", "appointment-day").param("day", day).param("body", "Hi {first_name}, the office is "
                        + "closed Wednesday: we will call you to move your appointment.")
                .param("sendKey", UUID.randomUUID().toString()).exchange();
    }

    @Test
    void aCaseworkerGetsTheirOwnClientsWithAnAppointmentThatDayInTheOrganisationsTime() {
        assertThat(preview(casey, "2030-03-06")).hasStatusOk().bodyText()
                .contains("2 clients chosen: 2 will get it (2 now, 0 after quiet hours).")
                .contains("Hi Jordan, the office").contains("Hi Sam, the office")
                .doesNotContain("Hi Pat").doesNotContain("Hi Morgan").doesNotContain("Hi Alex");
        assertThat(jdbc.queryForObject("select count(*) from group_texts", Integer.class)).isZero();
    }

    @Test
    void anAdminGetsEveryClientWithAnAppointmentThatDay() {
        assertThat(preview(newAdmin(), "2030-03-06")).hasStatusOk().bodyText()
                .contains("3 clients chosen: 3 will get it (3 now, 0 after quiet hours).")
                .contains("Hi Jordan, the office").contains("Hi Sam, the office").contains("Hi Alex, the office")
                .doesNotContain("Hi Pat").doesNotContain("Hi Morgan");
    }

    @Test
    void theDayIsRequiredAndMustBeADateAndIsKeptAsTyped() {
        assertThat(preview(casey, "")).hasStatusOk().bodyText().contains("Enter the day.").doesNotContain("Send to");
        assertThat(preview(casey, "6 March")).hasStatusOk().bodyText()
                .contains("That is not a date: enter it as year-month-day, such as 2030-03-05.")
                .contains("value=\"6 March\"").doesNotContain("Send to");
        assertThat(jdbc.queryForObject("select count(*) from group_texts", Integer.class)).isZero();
    }
}
