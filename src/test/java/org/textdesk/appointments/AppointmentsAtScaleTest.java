package org.textdesk.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.textdesk.IntegrationTest;
import org.textdesk.SqlStatements;
import org.textdesk.cases.CaseRecord;
import org.textdesk.cases.CaseService;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.staff.Staff;

/**
 * A case with 60 appointments (each with two reminders and a sent one of its earlier time) among 6,000 on other
 * cases, and a case with one: the case page and the client record show them with the same statements, so
 * nothing runs per appointment or reminder (issue 22).
 */
class AppointmentsAtScaleTest extends IntegrationTest {

    private static final Pattern APPOINTMENT = Pattern.compile("data-appointment-id=\"\\d+\"");

    @Autowired
    ClientService clientService;

    @Autowired
    CaseService caseService;

    Staff casey;
    Client jordan;
    Client sam;
    CaseRecord bigCase;
    CaseRecord smallCase;

    @BeforeEach
    void sixtyAppointmentsOnOneCaseAndOneOnAnother() {
        casey = newCaseworker();
        jordan = ClientFixture.client("Jordan", "Avery").cell("404", "538-7319").safe(true).okayToText(true)
                .create(clientService, as(casey));
        sam = ClientFixture.client("Sam", "Carter").cell("404", "538-7320").safe(true).okayToText(true)
                .create(clientService, as(casey));
        Client others = ClientFixture.client("Alex", "Brown").cell("404", "538-7321").safe(true).okayToText(true)
                .create(clientService, as(casey));
        bigCase = caseService.openCase(jordan.getId(), "16E-20010101", "Rental assistance", LocalDate.of(2016, 1, 1),
                null);
        smallCase = caseService.openCase(sam.getId(), "16E-20010102", "Food", LocalDate.of(2016, 1, 1), null);
        CaseRecord othersCase = caseService.openCase(others.getId(), "16E-20010103", "Other", LocalDate.of(2016, 1, 1),
                null);
        jdbc.update("""
                insert into reminder_texts (name, text, created_at, updated_at)
                values ('Standard', 'Hi {first_name}, see you on {appointment_date}.', now(), now())""");
        jdbc.update("""
                insert into reminder_plans (days_before, at_time, minutes_before, reminder_text_id, active, created_at)
                select 1, time '09:00', null, id, true, now() from reminder_texts
                union all select null, null, 120, id, true, now() from reminder_texts""");
        appointments(bigCase, 60);
        appointments(smallCase, 1);
        appointments(othersCase, 6_000);
        jdbc.execute("analyze");
    }

    @Test
    void theCasePageAndTheClientRecordRunTheSameStatementsForSixtyAppointmentsAsForOne() {
        SqlStatements.Counted<String> big = get("/cases/" + bigCase.getId());
        SqlStatements.Counted<String> small = get("/cases/" + smallCase.getId());
        assertThat(APPOINTMENT.matcher(big.result()).results().count()).isEqualTo(60);
        assertThat(APPOINTMENT.matcher(small.result()).results().count()).isEqualTo(1);
        // The account, whether caseloads are restricted, the case, its client, its recent texts, its appointments,
        // their reminders with their plans, the reminders' scheduled texts, the navigation's two unread counts.
        assertThat(big.count()).as(String.join("\n", big.statements())).isEqualTo(10);
        assertThat(small.count()).as(String.join("\n", small.statements())).isEqualTo(10);

        SqlStatements.Counted<String> record = get("/clients/" + jordan.getId());
        SqlStatements.Counted<String> smallRecord = get("/clients/" + sam.getId());
        // the appointments from today on: 31 of the big case's 60, the small case's one
        assertThat(record.result()).contains(">16E-20010101<");
        // The client record: the account, whether caseloads are restricted, the client, the record of an open
        // through coverage, its language, its caseload (the staff list and the history), its consent history, its
        // cases, its appointments from today on with their reminders and the reminders' scheduled texts, its
        // texting summary, its recent texts, the navigation's two unread counts.
        assertThat(record.count()).as(String.join("\n", record.statements())).isEqualTo(16);
        assertThat(smallRecord.count()).as(String.join("\n", smallRecord.statements())).isEqualTo(16);
    }

    /**
     * {@code count} appointments a week apart, half before this week, every fifth cancelled; each with a current
     * reminder per plan (sent when due before now, else scheduled) and an earlier one of its first time, sent.
     */
    private void appointments(CaseRecord caseRecord, int count) {
        jdbc.update("""
                insert into appointments (case_id, client_id, starts_at, place, staff_id, state, created_by,
                                          created_at, updated_at)
                select ?, ?, date_trunc('day', now()) + (g - ? / 2) * interval '7 days' + interval '14 hours',
                       'Room ' || g, ?, case when g % 5 = 0 then 'CANCELLED' else 'BOOKED' end, ?, now(), now()
                from generate_series(1, ?) g""", caseRecord.getId(), caseRecord.getClientId(), count, casey.getId(),
                casey.getId(), count);
        jdbc.update("""
                insert into scheduled_texts (client_id, case_id, body, due_at, state, confirm_not_safe, send_key,
                                             created_by, created_at, updated_at)
                select a.client_id, a.case_id, 'See you on ' || a.starts_at, a.starts_at - interval '1 day',
                       case when a.starts_at - interval '1 day' < now() then 'SENT' else 'SCHEDULED' end, false,
                       'appointment-' || a.id || '-' || p.id || '-' || e.earlier, ?, now(), now()
                from appointments a cross join reminder_plans p cross join (values (false), (true)) e (earlier)
                where a.case_id = ? and (not e.earlier or p.minutes_before is null)""", casey.getId(),
                caseRecord.getId());
        jdbc.update("""
                insert into appointment_reminders (appointment_id, plan_id, due_at, scheduled_text_id, is_current,
                                                   created_at)
                select a.id, p.id, st.due_at, st.id, not e.earlier, now()
                from appointments a cross join reminder_plans p cross join (values (false), (true)) e (earlier)
                join scheduled_texts st on st.send_key = 'appointment-' || a.id || '-' || p.id || '-' || e.earlier
                where a.case_id = ?""", caseRecord.getId());
    }

    private SqlStatements.Counted<String> get(String uri) {
        SqlStatements.Counted<String> counted = countedGet(uri, casey);
        System.out.printf("%s: %d SQL statements%n", uri, counted.count());
        return counted;
    }
}
