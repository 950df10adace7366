package org.textdesk.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.textdesk.IntegrationTest;
import org.textdesk.staff.Staff;

class CasePagesTest extends IntegrationTest {

    @Autowired
    CaseService caseService;

    Staff casey;
    long jordanId;

    @BeforeEach
    void aClient() {
        casey = newCaseworker();
        jordanId = jdbc.queryForObject("""
                insert into clients (first_name, last_name, cell_area_code, cell_number, cell_e164, safe, okay_to_text,
                                     created_at, updated_at)
                values ('Jordan', 'Avery', '404', '538-7319', '+14045387319', true, false, now(), now())
                returning id""", Long.class);
    }

    @Test
    void aCaseworkerAddsACaseThatTheRecordListsAndTheCasePageShows() {
        assertThat(mvc.get().uri("/clients/{id}/cases/new", jordanId).with(user(as(casey)))).hasStatusOk().bodyText()
                .contains("Add a case for Jordan Avery", "<label for=\"caseNumber\">Case #</label>",
                        "name=\"openedOn\" value=\"" + caseService.today() + "\"");
        MvcTestResult added = addCase(jordanId, " 16e-20010101 ", "Rental assistance", "2016-08-01", "");
        assertThat(added).hasRedirectedUrl("/clients/" + jordanId).flash().containsKey("flash");
        Map<String, Object> row = jdbc.queryForMap("select * from cases");
        assertThat(row).containsEntry("case_number", "16E-20010101").containsEntry("client_id", jordanId)
                .containsEntry("title", "Rental assistance").containsEntry("closed_on", null);
        long caseId = (Long) row.get("id");

        assertThat(mvc.get().uri("/clients/{id}", jordanId).with(user(as(casey)))).hasStatusOk().bodyText()
                .contains("href=\"/cases/" + caseId + "\">16E-20010101</a>", "Rental assistance", "8/1/2016",
                        "Still open");
        assertThat(mvc.get().uri("/cases/{id}", caseId).with(user(as(casey)))).hasStatusOk().bodyText()
                .contains("Case 16E-20010101", "Rental assistance", "8/1/2016", "Still open")
                .contains("href=\"/clients/" + jordanId + "\">Jordan Avery</a>");
    }

    @Test
    void aCaseNumberInUseIsRefused() {
        caseService.openCase(jordanId, "16E-20010101", "Rental assistance", LocalDate.of(2016, 8, 1), null);
        MvcTestResult refused = addCase(jordanId, "16e-20010101", "Another", "2016-09-01", "");
        assertThat(refused).hasStatusOk().model().extractingBindingResult("caseForm").hasFieldErrors("caseNumber");
        assertThat(refused).bodyText().contains("This case number is already used by another case.",
                "value=\"16E-20010101\"", "value=\"Another\"", "value=\"2016-09-01\"");
        assertThat(caseCount()).isEqualTo(1);
    }

    @Test
    void aCaseNumberInTheWrongFormatIsRefused() {
        for (String wrong : new String[] {"16E 2001!", "16E--2001", "-16E", "AB", "16E-200101011234567890"}) {
            assertThat(addCase(jordanId, wrong, "Rental assistance", "2016-08-01", "")).hasStatusOk().bodyText()
                    .contains("Use letters, digits and single dashes, like 16E-20010101: 3 to 20 characters.");
        }
        assertThat(addCase(jordanId, "", "", "", "")).hasStatusOk().bodyText()
                .contains("Enter the case number.", "Enter a title.", "Enter the date the case was opened.");
        assertThat(caseCount()).isZero();
    }

    @Test
    void aClosedDateBeforeTheOpenedDateIsRefusedKeepingEverythingTyped() {
        MvcTestResult refused = addCase(jordanId, "16E-20010101", "Rental assistance", "2016-08-01", "2016-07-31");
        assertThat(refused).hasStatusOk().model().extractingBindingResult("caseForm").hasFieldErrors("closedOn");
        assertThat(refused).bodyText().contains("The closed date cannot be before the opened date.",
                "value=\"16E-20010101\"", "value=\"Rental assistance\"", "value=\"2016-08-01\"",
                "value=\"2016-07-31\"", "aria-describedby=\"closedOn-error\"");
        assertThat(caseCount()).isZero();
    }

    @Test
    void somethingThatIsNotADateIsRefused() {
        MvcTestResult refused = addCase(jordanId, "16E-20010101", "Rental assistance", "yesterday", "8/17/2016");
        assertThat(refused).hasStatusOk().bodyText().contains("Enter a date, like 2016-08-17.",
                "Enter a date, like 2016-08-17, or leave it empty.", "value=\"yesterday\"", "value=\"8/17/2016\"");
        assertThat(caseCount()).isZero();
    }

    @Test
    void aCaseIsClosedOnItsEditPage() {
        CaseRecord opened = caseService.openCase(jordanId, "16E-20010101", "Rental assistance",
                LocalDate.of(2016, 8, 1), null);
        assertThat(mvc.get().uri("/cases/{id}/edit", opened.getId()).with(user(as(casey)))).hasStatusOk().bodyText()
                .contains("value=\"16E-20010101\"", "value=\"2016-08-01\"", "name=\"version\" value=\"0\"");
        assertThat(editCase(opened.getId(), 0, "16E-20010101", "Rental assistance", "2016-08-01", "2016-12-20"))
                .hasRedirectedUrl("/cases/" + opened.getId());
        assertThat(mvc.get().uri("/cases/{id}", opened.getId()).with(user(as(casey)))).bodyText()
                .contains("12/20/2016").doesNotContain("Still open");

        assertThat(editCase(opened.getId(), 1, "16E-20010101", "Rental assistance", "2016-08-01", "2016-01-01"))
                .hasStatusOk().bodyText().contains("The closed date cannot be before the opened date.");
        assertThat(caseService.findCase(opened.getId()).getClosedOn()).isEqualTo(LocalDate.of(2016, 12, 20));
    }

    @Test
    void anEditCannotTakeAnotherCasesNumber() {
        caseService.openCase(jordanId, "16E-20010101", "Rental assistance", LocalDate.of(2016, 8, 1), null);
        CaseRecord other = caseService.openCase(jordanId, "16E-20010102", "Utilities", LocalDate.of(2016, 8, 2), null);
        assertThat(editCase(other.getId(), 0, "16E-20010101", "Utilities", "2016-08-02", "")).hasStatusOk()
                .bodyText().contains("This case number is already used by another case.");
        assertThat(caseService.findCase(other.getId()).getCaseNumber()).isEqualTo("16E-20010102");
    }

    @Test
    void theSecondOfTwoConcurrentCaseEditsIsRefused() {
        CaseRecord opened = caseService.openCase(jordanId, "16E-20010101", "Rental assistance",
                LocalDate.of(2016, 8, 1), null);
        assertThat(editCase(opened.getId(), 0, "16E-20010101", "Rental help", "2016-08-01", ""))
                .hasStatus(HttpStatus.FOUND);
        assertThat(editCase(opened.getId(), 0, "16E-20010101", "Rent", "2016-08-01", "2016-09-01")).hasStatusOk()
                .bodyText().contains("Someone else changed this case while you were editing",
                        "value=\"Rent\"", "value=\"2016-09-01\"", "Rental help", "name=\"version\" value=\"1\"");
        assertThat(caseService.findCase(opened.getId()).getTitle()).isEqualTo("Rental help");
        assertThat(caseService.findCase(opened.getId()).getClosedOn()).isNull();
    }

    @Test
    void unknownCasesAndClientsAreA404() {
        assertThat(mvc.get().uri("/cases/999999").with(user(as(casey)))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/cases/999999/edit").with(user(as(casey)))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(editCase(999999, 0, "16E-20010101", "Rent", "2016-08-01", "")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/clients/999999/cases/new").with(user(as(casey)))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(addCase(999999, "16E-20010101", "Rent", "2016-08-01", "")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(addCase(999999, "", "", "", "")).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(caseCount()).isZero();
    }

    @Test
    void theClientsCasesAreListedMostRecentlyOpenedFirst() {
        caseService.openCase(jordanId, "15C-19990412", "Job training", LocalDate.of(2015, 3, 9),
                LocalDate.of(2015, 11, 20));
        caseService.openCase(jordanId, "16E-20010101", "Rental assistance", LocalDate.of(2016, 8, 1), null);
        assertThat(caseService.casesOfClient(jordanId)).extracting(CaseRecord::getCaseNumber)
                .containsExactly("16E-20010101", "15C-19990412");
        assertThat(mvc.get().uri("/clients/{id}", jordanId).with(user(as(casey)))).bodyText()
                .containsSubsequence("16E-20010101", "Still open", "15C-19990412", "3/9/2015", "11/20/2015");
    }

    private MvcTestResult addCase(long clientId, String caseNumber, String title, String openedOn, String closedOn) {
        return mvc.post().uri("/clients/{id}/cases/new", clientId).with(user(as(casey))).with(csrf())
                .param("caseNumber", caseNumber).param("title", title).param("openedOn", openedOn)
                .param("closedOn", closedOn).exchange();
    }

    private MvcTestResult editCase(long caseId, long version, String caseNumber, String title, String openedOn,
            String closedOn) {
        return mvc.post().uri("/cases/{id}/edit", caseId).with(user(as(casey))).with(csrf())
                .param("caseNumber", caseNumber).param("title", title).param("openedOn", openedOn)
                .param("closedOn", closedOn).param("version", String.valueOf(version)).exchange();
    }

    private int caseCount() {
        return jdbc.queryForObject("select count(*) from cases", Integer.class);
    }
}
