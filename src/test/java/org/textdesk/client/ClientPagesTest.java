package org.textdesk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.textdesk.IntegrationTest;
import org.textdesk.staff.Staff;
import org.textdesk.staff.StaffPrincipal;

class ClientPagesTest extends IntegrationTest {

    private static final Pattern LIST_LINK = Pattern.compile("<a href=\"/clients/\\d+\">([^<]+)</a>");

    @Autowired
    ClientService clientService;

    Staff casey;

    @BeforeEach
    void logInAsACaseworker() {
        casey = newCaseworker();
    }

    @Test
    void theStartPageIsTheClientsList() {
        assertThat(mvc.get().uri("/").with(user(as(casey)))).hasRedirectedUrl("/clients");
    }

    @Test
    void aCaseworkerAddsAClientWithTheSeedsCellAndSeesTheRecord() {
        MvcTestResult saved = newClient("Jordan", "Avery", "404", "5387319", true, true).exchange();
        long id = onlyClientId();
        assertThat(saved).hasRedirectedUrl("/clients/" + id).flash().containsKey("flash");
        Map<String, Object> row = jdbc.queryForMap("select * from clients where id = ?", id);
        assertThat(row).containsEntry("first_name", "Jordan").containsEntry("last_name", "Avery")
                .containsEntry("cell_area_code", "404").containsEntry("cell_number", "538-7319")
                .containsEntry("cell_e164", "+14045387319").containsEntry("safe", true)
                .containsEntry("okay_to_text", true);

        assertThat(mvc.get().uri("/clients/{id}", id).with(user(as(casey)))).hasStatusOk().bodyText()
                .contains("Jordan Avery", ">404<", ">538-7319<", "Safe", "Okay to Text")
                .contains("href=\"/clients/" + id + "/texts/new\"", ">Send Text<")
                .contains("href=\"/clients/" + id + "/texts\"", ">Texts<")
                .doesNotContain("Texting is not possible");
    }

    @Test
    void anAdminMayUseClientRecordsToo() {
        Staff admin = newAdmin();
        assertThat(mvc.post().uri("/clients/new").with(user(as(admin))).with(csrf()).param("firstName", "Ada")
                .param("lastName", "Client").param("cellAreaCode", "").param("cellNumber", ""))
                .hasStatus(HttpStatus.FOUND);
        assertThat(mvc.get().uri("/clients").with(user(as(admin)))).hasStatusOk().bodyText().contains("Client, Ada");
    }

    @Test
    void aWholeNumberPastedIntoOneBoxIsSplitIntoBoth() {
        assertThat(newClient("Jordan", "Avery", "(404) 538-7319", "", false, false)).hasStatus(HttpStatus.FOUND);
        assertThat(jdbc.queryForMap("select cell_area_code, cell_number from clients"))
                .containsEntry("cell_area_code", "404").containsEntry("cell_number", "538-7319");
        assertThat(newClient("Dana", "Brooks", "", "+1 404 538 7319", false, false)).hasStatus(HttpStatus.FOUND);
        assertThat(jdbc.queryForList("select cell_e164 from clients", String.class))
                .containsExactly("+14045387319", "+14045387319");
    }

    @ParameterizedTest(name = "[{0}] [{1}]: {3}")
    @CsvSource(delimiter = '|', value = {
            "abc | 538-7319  | cellAreaCode | The area code must be exactly 3 digits, like 404.",
            "4o4 | 538-7319  | cellAreaCode | The area code must be exactly 3 digits, like 404.",
            "404 | 555-12345 | cellNumber   | The number must be 7 digits in the format XXX-XXXX, like 538-7319.",
            "404 | 538-SHOE  | cellNumber   | The number must be 7 digits in the format XXX-XXXX, like 538-7319.",
            "104 | 538-7319  | cellAreaCode | 104 is not a US area code.",
            "404 | 911-1234  | cellNumber   | 404-911-1234 is not a valid US phone number.",
            "770 | (404) 538-7319 | cellAreaCode | The number pasted has the area code 404",
    })
    void aWrongCellIsRefusedBesideItsBoxKeepingEverythingTyped(String areaCode, String number, String field,
            String message) {
        MvcTestResult refused = newClient("Jordan", "Avery", areaCode, number, true, true).exchange();
        assertThat(refused).hasStatusOk().model().extractingBindingResult("clientForm").hasFieldErrors(field);
        assertThat(refused).bodyText().contains(message)
                .contains("id=\"" + field + "-error\"", "aria-describedby=\"" + field + "-error\"")
                .contains("value=\"" + areaCode + "\"", "value=\"" + number + "\"")
                .contains("value=\"Jordan\"", "value=\"Avery\"")
                .containsPattern("name=\"safe\" value=\"true\" checked")
                .containsPattern("name=\"okayToText\" value=\"true\" checked");
        assertThat(clientCount()).isZero();
    }

    @Test
    void missingNamesAndAWrongCellAreAllReportedAtOnce() {
        assertThat(newClient(" ", "", "40", "5387319", false, false)).hasStatusOk().bodyText()
                .contains("Enter the first name.", "Enter the last name.",
                        "The area code must be exactly 3 digits, like 404.", "Please correct the fields marked below.");
        assertThat(newClient("J".repeat(81), "Avery", "", "", false, false)).hasStatusOk().bodyText()
                .contains("The first name can be at most 80 characters.");
        assertThat(clientCount()).isZero();
    }

    @Test
    void aCorrectCellIsFormattedEvenWhenAnotherFieldIsRefused() {
        assertThat(newClient("", "Avery", "(404)", "5381234", false, false)).hasStatusOk().bodyText()
                .contains("Enter the first name.", "value=\"404\"", "value=\"538-1234\"");
    }

    @Test
    void okayToTextCannotBeTickedWithoutACell() {
        MvcTestResult refused = newClient("Sam", "Carter", "", "", false, true).exchange();
        assertThat(refused).hasStatusOk().model().extractingBindingResult("clientForm").hasFieldErrors("okayToText");
        assertThat(refused).bodyText().contains("Okay to Text needs a cell number: enter one, or untick the box.")
                .contains("value=\"Sam\"", "value=\"Carter\"");
        assertThat(clientCount()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from consent_events", Integer.class)).isZero();
    }

    @Test
    void sendTextIsDisabledWithTheReasonWhenTheClientCannotBeTexted() {
        Client noCell = create("Sam", "Carter", "", "", false);
        Client unticked = create("Dana", "Brooks", "678", "555-0123", false);
        assertThat(mvc.get().uri("/clients/{id}", noCell.getId()).with(user(as(casey)))).hasStatusOk().bodyText()
                .contains("<button type=\"button\" disabled aria-describedby=\"send-text-blocked\">Send Text</button>")
                .contains("Texting is not possible: no valid cell number.")
                .doesNotContain("/texts/new");
        assertThat(mvc.get().uri("/clients/{id}", unticked.getId()).with(user(as(casey)))).hasStatusOk().bodyText()
                .contains("Texting is not possible: Okay to Text is unticked.", ">678<", ">555-0123<")
                .contains("href=\"/clients/" + unticked.getId() + "/texts\"")
                .doesNotContain("/texts/new");
    }

    @Test
    void theListSaysInWordsWhetherEachClientMayBeTexted() {
        create("Jordan", "Avery", "404", "538-7319", true);
        create("Dana", "Brooks", "678", "555-0123", false);
        create("Sam", "Carter", "", "", false);
        assertThat(mvc.get().uri("/clients").with(user(as(casey)))).hasStatusOk().bodyText()
                .contains("3 clients", "May be texted")
                .containsSubsequence("Avery, Jordan", "404-538-7319", ">Yes<",
                        "Brooks, Dana", "678-555-0123", "No: Okay to Text is unticked",
                        "Carter, Sam", "None", "No: no valid cell number");
    }

    @Test
    void searchFindsClientsByEachKey() {
        create("Maria", "Lopez", "770", "555-0188", true);
        create("Luis", "Lopez", "770", "555-0188", false);
        Client jordan = create("Jordan", "Avery", "404", "538-7319", true);
        create("Dana", "Brooks", "678", "555-0123", false);
        jdbc.update("insert into cases (case_number, client_id, title, opened_on) values (?, ?, ?, ?)",
                "16E-20010101", jordan.getId(), "Rental assistance", java.sql.Date.valueOf("2016-08-01"));

        assertThat(search("lopez")).containsExactly("Lopez, Luis", "Lopez, Maria");
        assertThat(search("LOP")).containsExactly("Lopez, Luis", "Lopez, Maria");
        assertThat(search("Dana")).containsExactly("Brooks, Dana");
        assertThat(search("maria lopez")).containsExactly("Lopez, Maria");
        assertThat(search("Lopez, Luis")).containsExactly("Lopez, Luis");
        assertThat(search("(770) 555-0188")).containsExactly("Lopez, Luis", "Lopez, Maria");
        assertThat(search("+1 770 555 0188")).containsExactly("Lopez, Luis", "Lopez, Maria");
        assertThat(search("7705550188")).containsExactly("Lopez, Luis", "Lopez, Maria");
        assertThat(search("538-7319")).containsExactly("Avery, Jordan");
        assertThat(search("16E-20010101")).containsExactly("Avery, Jordan");
        assertThat(search(" 16e-2001 ")).containsExactly("Avery, Jordan");
        assertThat(search("nobody")).isEmpty();
        assertThat(search("")).hasSize(4);
    }

    @Test
    void namesWithSpacesAreFoundByEitherOrderFromTheStart() {
        create("Mary Ann", "Van Buren", "", "", false);
        create("Mary", "Vance", "", "", false);
        create("Ann", "Marsh", "", "", false);

        assertThat(search("mary ann van")).containsExactly("Van Buren, Mary Ann");
        assertThat(search("Van Buren, Mary")).containsExactly("Van Buren, Mary Ann");
        assertThat(search("van buren mary ann")).containsExactly("Van Buren, Mary Ann");
        assertThat(search("van b")).containsExactly("Van Buren, Mary Ann");
        assertThat(search("Mary V")).containsExactly("Vance, Mary");
        assertThat(search("Mary Ann V")).containsExactly("Van Buren, Mary Ann");
        assertThat(search("mary")).containsExactly("Van Buren, Mary Ann", "Vance, Mary");
        assertThat(search("ann")).containsExactly("Marsh, Ann");
        assertThat(search("buren")).isEmpty();
        assertThat(search("mary,")).isEmpty();
    }

    @Test
    void oddSearchTextFindsNothingAndIsKeptInTheBox() {
        create("Jordan", "Avery", "404", "538-7319", true);
        assertThat(search("%")).isEmpty();
        assertThat(search("_ordan")).isEmpty();
        assertThat(mvc.get().uri("/clients").param("q", "<b>'%_").with(user(as(casey)))).hasStatusOk().bodyText()
                .contains("value=\"&lt;b&gt;&#39;%_\"", "No client matches")
                .doesNotContain("<b>'");
        assertThat(mvc.get().uri("/clients").param("q", "Avery").param("page", "two").with(user(as(casey))))
                .hasStatusOk().bodyText().contains("Avery, Jordan");
    }

    @Test
    void thirtyClientsMakeTwoPagesSortedByLastThenFirstName() {
        for (int i = 30; i >= 1; i--) {
            create("First%02d".formatted(i % 3), "last%02d".formatted(i), "", "", false);
        }
        create("Anna", "Last15", "", "", false);
        List<String> page1 = listedNames(mvc.get().uri("/clients").with(user(as(casey))).exchange());
        assertThat(page1).hasSize(25).startsWith("last01, First01", "last02, First02")
                .contains("last15, First00", "Last15, Anna");
        assertThat(page1.indexOf("Last15, Anna")).isLessThan(page1.indexOf("last15, First00"));
        assertThat(page1.get(24)).isEqualTo("last24, First00");

        MvcTestResult second = mvc.get().uri("/clients").param("page", "2").with(user(as(casey))).exchange();
        assertThat(listedNames(second)).containsExactly("last25, First01", "last26, First02", "last27, First00",
                "last28, First01", "last29, First02", "last30, First00");
        assertThat(second).bodyText().contains("Page 2 of 2", "31 clients", "href=\"/clients?show=mine&amp;q=&amp;page=1\"");
        assertThat(mvc.get().uri("/clients").param("page", "99").with(user(as(casey))).exchange())
                .bodyText().contains("Page 2 of 2");
        assertThat(mvc.get().uri("/clients").with(user(as(casey)))).bodyText()
                .contains("Page 1 of 2", "href=\"/clients?show=mine&amp;q=&amp;page=2\"");
    }

    @Test
    void aSearchMatchingByEveryKeyIsSortedByLastThenFirstNameAcrossPages() {
        // Matches by last name (27), first name (Maria Zed) and case number (Bo Brown; mar07 also has one, listed
        // once); equal names in two capitalisations keep the order of their ids (MAR10 was added first).
        create("First01", "MAR10", "", "", false);
        for (int i = 26; i >= 1; i--) {
            create("First%02d".formatted(i % 3), "mar%02d".formatted(i), "", "", false);
        }
        create("Anna", "Mar05", "", "", false);
        create("Maria", "Zed", "", "", false);
        Client bo = create("Bo", "Brown", "", "", false);
        jdbc.update("insert into cases (case_number, client_id, title, opened_on) values ('MAR-1', ?, 'Rent', current_date)",
                bo.getId());
        jdbc.update("""
                insert into cases (case_number, client_id, title, opened_on)
                select 'MAR-2', id, 'Rent', current_date from clients where last_name = 'mar07'""");
        List<String> firstPage = List.of("Brown, Bo", "mar01, First01", "mar02, First02", "mar03, First00",
                "mar04, First01", "Mar05, Anna", "mar05, First02", "mar06, First00", "mar07, First01", "mar08, First02",
                "mar09, First00", "MAR10, First01", "mar10, First01", "mar11, First02", "mar12, First00",
                "mar13, First01", "mar14, First02", "mar15, First00", "mar16, First01", "mar17, First02",
                "mar18, First00", "mar19, First01", "mar20, First02", "mar21, First00", "mar22, First01");
        List<String> secondPage = List.of("mar23, First02", "mar24, First00", "mar25, First01", "mar26, First02",
                "Zed, Maria");
        for (String show : List.of("all", "mine")) {
            MvcTestResult first = mvc.get().uri("/clients").param("show", show).param("q", "Mar")
                    .with(user(as(casey))).exchange();
            assertThat(listedNames(first)).as(show).containsExactlyElementsOf(firstPage);
            assertThat(first).bodyText().contains("30 clients match", "Page 1 of 2");
            MvcTestResult second = mvc.get().uri("/clients").param("show", show).param("q", "Mar").param("page", "2")
                    .with(user(as(casey))).exchange();
            assertThat(listedNames(second)).as(show).containsExactlyElementsOf(secondPage);
            assertThat(second).bodyText().contains("Page 2 of 2");
        }
    }

    @Test
    void editingKeepsTheVersionAndSavesTheChanges() {
        Client jordan = create("Jordan", "Avery", "404", "538-7319", false);
        assertThat(mvc.get().uri("/clients/{id}/edit", jordan.getId()).with(user(as(casey)))).hasStatusOk()
                .bodyText().contains("value=\"Jordan\"", "value=\"404\"", "value=\"538-7319\"",
                        "name=\"version\" value=\"0\"");
        assertThat(edit(jordan.getId(), 0, "Jordan", "Avery-Smith", "404", "538-7319", true, false))
                .hasRedirectedUrl("/clients/" + jordan.getId());
        assertThat(clientService.findClient(jordan.getId()).getLastName()).isEqualTo("Avery-Smith");
        assertThat(clientService.findClient(jordan.getId()).isSafe()).isTrue();
    }

    @Test
    void aWrongCellOnTheEditFormIsRefusedAndNothingChanges() {
        Client jordan = create("Jordan", "Avery", "404", "538-7319", true);
        assertThat(edit(jordan.getId(), 0, "Jordan", "Avery", "404", "911-1234", true, "+14045387319"))
                .hasStatusOk().bodyText().contains("404-911-1234 is not a valid US phone number.",
                        "value=\"911-1234\"");
        Client unchanged = clientService.findClient(jordan.getId());
        assertThat(unchanged.getCellE164()).isEqualTo("+14045387319");
        assertThat(unchanged.getVersion()).isZero();
    }

    @Test
    void theSecondOfTwoConcurrentEditsIsRefusedAndTheFirstIsKept() {
        Client jordan = create("Jordan", "Avery", "404", "538-7319", false);
        Staff dana = newCaseworker();
        // Both loaded the form at version 0.
        assertThat(edit(jordan.getId(), 0, "Jordan", "Avery-First", "404", "538-7319", true, false))
                .hasStatus(HttpStatus.FOUND);
        MvcTestResult second = mvc.post().uri("/clients/{id}/edit", jordan.getId()).with(user(as(dana))).with(csrf())
                .param("firstName", "Jordy").param("lastName", "Avery-Second").param("cellAreaCode", "678")
                .param("cellNumber", "555-0123").param("version", "0").exchange();
        assertThat(second).hasStatusOk().bodyText()
                .contains("Someone else changed this client while you were editing, so your changes were not saved.")
                .contains("value=\"Jordy\"", "value=\"Avery-Second\"", "value=\"678\"", "value=\"555-0123\"")
                .contains("Saved by someone else in the meantime", "Avery-First")
                .contains("name=\"version\" value=\"1\"");
        Client kept = clientService.findClient(jordan.getId());
        assertThat(kept.getLastName()).isEqualTo("Avery-First");
        assertThat(kept.isSafe()).isTrue();
        assertThat(kept.getCellE164()).isEqualTo("+14045387319");

        // Having seen the other save, saving again (at its version) is deliberate.
        assertThat(mvc.post().uri("/clients/{id}/edit", jordan.getId()).with(user(as(dana))).with(csrf())
                .param("firstName", "Jordy").param("lastName", "Avery-Second").param("cellAreaCode", "678")
                .param("cellNumber", "555-0123").param("version", "1")).hasStatus(HttpStatus.FOUND);
        assertThat(clientService.findClient(jordan.getId()).getLastName()).isEqualTo("Avery-Second");
    }

    @Test
    void aSaveWithoutAVersionIsRefusedLikeAStaleOne() {
        Client jordan = create("Jordan", "Avery", "404", "538-7319", false);
        assertThat(mvc.post().uri("/clients/{id}/edit", jordan.getId()).with(user(as(casey))).with(csrf())
                .param("firstName", "Jordy").param("lastName", "Avery")).hasStatusOk().bodyText()
                .contains("Someone else changed this client");
        assertThat(clientService.findClient(jordan.getId()).getFirstName()).isEqualTo("Jordan");
    }

    @Test
    void unknownClientsAreAFriendly404() {
        assertThat(mvc.get().uri("/clients/999999").with(user(as(casey)))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(mvc.get().uri("/clients/999999/edit").with(user(as(casey)))).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(edit(999999, 0, "Jordan", "Avery", "", "", false, false)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(edit(999999, 0, "", "", "", "", false, false)).hasStatus(HttpStatus.NOT_FOUND);
        assertThat(clientCount()).isZero();
    }

    @Test
    void everyClientPageNeedsALogin() {
        assertThat(mvc.get().uri("/clients")).hasStatus(HttpStatus.FOUND).redirectedUrl().endsWith("/login");
        assertThat(mvc.post().uri("/clients/new").param("firstName", "Jordan").param("lastName", "Avery"))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(clientCount()).isZero();
    }

    private MockMvcRequestBuilder newClient(String firstName, String lastName, String areaCode, String number,
            boolean safe, boolean okayToText) {
        MockMvcRequestBuilder request = mvc.post().uri("/clients/new").with(user(as(casey))).with(csrf())
                .param("firstName", firstName).param("lastName", lastName).param("cellAreaCode", areaCode)
                .param("cellNumber", number).param("_safe", "on").param("_okayToText", "on");
        if (safe) {
            request = request.param("safe", "true");
        }
        if (okayToText) {
            request = request.param("okayToText", "true");
        }
        return request;
    }

    private MvcTestResult edit(long id, long version, String firstName, String lastName, String areaCode,
            String number, boolean safe, boolean okayToText) {
        return edit(id, version, firstName, lastName, areaCode, number, safe, okayToText, null);
    }

    private MvcTestResult edit(long id, long version, String firstName, String lastName, String areaCode,
            String number, boolean okayToText, String okayToTextCell) {
        return edit(id, version, firstName, lastName, areaCode, number, false, okayToText, okayToTextCell);
    }

    private MvcTestResult edit(long id, long version, String firstName, String lastName, String areaCode,
            String number, boolean safe, boolean okayToText, String okayToTextCell) {
        MockMvcRequestBuilder request = mvc.post().uri("/clients/{id}/edit", id).with(user(as(casey))).with(csrf())
                .param("firstName", firstName).param("lastName", lastName).param("cellAreaCode", areaCode)
                .param("cellNumber", number).param("_safe", "on").param("_okayToText", "on")
                .param("version", String.valueOf(version));
        if (safe) {
            request = request.param("safe", "true");
        }
        if (okayToText) {
            request = request.param("okayToText", "true");
        }
        if (okayToTextCell != null) {
            request = request.param("okayToTextCell", okayToTextCell);
        }
        return request.exchange();
    }

    private Client create(String firstName, String lastName, String areaCode, String number, boolean okayToText) {
        ClientDetails details = new ClientDetails(firstName, lastName, areaCode, number, false, okayToText, "");
        return clientService.createClient(details, StaffPrincipal.of(casey));
    }

    private List<String> search(String query) {
        return listedNames(mvc.get().uri("/clients").param("q", query).with(user(as(casey))).exchange());
    }

    /** The names the Clients list links to, in the order shown. */
    static List<String> listedNames(MvcTestResult result) {
        assertThat(result).hasStatusOk();
        try {
            return listedNames(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
        } catch (UnsupportedEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    /** The names a Clients list page links to, in the order shown. */
    static List<String> listedNames(String html) {
        return LIST_LINK.matcher(html).results().map(match -> match.group(1)).toList();
    }

    private long onlyClientId() {
        return jdbc.queryForObject("select id from clients", Long.class);
    }

    private int clientCount() {
        return jdbc.queryForObject("select count(*) from clients", Integer.class);
    }
}
