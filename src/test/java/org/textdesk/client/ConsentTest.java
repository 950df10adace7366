package org.textdesk.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester.MockMvcRequestBuilder;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.textdesk.IntegrationTest;
import org.textdesk.staff.Staff;
import org.textdesk.staff.StaffPrincipal;
import org.textdesk.system.NotFoundException;

/** Okay to Text is the staff's record of the client's word: every change of it is a consent event. */
class ConsentTest extends IntegrationTest {

    @Autowired
    ClientService clientService;

    Staff casey;

    @BeforeEach
    void aCaseworker() {
        casey = newCaseworker();
    }

    @Test
    void creatingAClientWithTheBoxTickedIsTheirFirstConsentEvent() {
        Client jordan = create("Jordan", "Avery", "404", "538-7319", true);
        assertThat(events(jordan)).singleElement().satisfies(event -> assertThat(event)
                .containsEntry("okay_to_text", true).containsEntry("phone_e164", "+14045387319")
                .containsEntry("source", "STAFF").containsEntry("detail", null)
                .containsEntry("staff_id", casey.getId()));
    }

    @Test
    void creatingAClientWithTheBoxUntickedWritesNoEvent() {
        Client dana = create("Dana", "Brooks", "678", "555-0123", false);
        assertThat(events(dana)).isEmpty();
    }

    @Test
    void tickingAndUntickingOnTheRecordEachWriteAnEventAndOtherSavesWriteNone() {
        Client dana = create("Dana", "Brooks", "678", "555-0123", false);

        assertThat(save(dana.getId(), 0, "Dana", "Brooks", "678", "555-0123", true, "")).hasStatus3xxRedirection();
        assertThat(events(dana)).hasSize(1);
        assertThat(events(dana).get(0)).containsEntry("okay_to_text", true).containsEntry("phone_e164", "+16785550123");

        // Changing the name, not the box: no consent event.
        assertThat(save(dana.getId(), 1, "Dana", "Brooks-Hill", "678", "5550123", true, "+16785550123"))
                .hasStatus3xxRedirection();
        assertThat(events(dana)).hasSize(1);

        // Saving without changing anything: no event, and the record is not even rewritten.
        assertThat(save(dana.getId(), 2, "Dana", "Brooks-Hill", "678", "555-0123", true, "+16785550123"))
                .hasStatus3xxRedirection();
        assertThat(events(dana)).hasSize(1);
        assertThat(clientService.findClient(dana.getId()).getVersion()).isEqualTo(2);

        assertThat(save(dana.getId(), 2, "Dana", "Brooks-Hill", "678", "555-0123", false, "+16785550123"))
                .hasStatus3xxRedirection();
        assertThat(events(dana)).hasSize(2);
        assertThat(events(dana).get(1)).containsEntry("okay_to_text", false).containsEntry("source", "STAFF")
                .containsEntry("staff_id", casey.getId());
        assertThat(clientService.findClient(dana.getId()).isOkayToText()).isFalse();
    }

    @Test
    void aNewCellNumberUnticksTheBoxUnlessItIsTickedForTheNewNumber() {
        Client jordan = create("Jordan", "Avery", "404", "538-7319", true);

        // The box was left as it was (ticked for the old number): consent does not carry over.
        MvcTestResult saved = save(jordan.getId(), 0, "Jordan", "Avery", "678", "555-0123", true, "+14045387319");
        assertThat(saved).hasStatus3xxRedirection().flash().extractingByKey("flash")
                .extracting("messageKey").isEqualTo("client.savedOkayToTextUnticked");
        Client moved = clientService.findClient(jordan.getId());
        assertThat(moved.isOkayToText()).isFalse();
        assertThat(moved.getCellE164()).isEqualTo("+16785550123");
        assertThat(events(jordan)).hasSize(2);
        assertThat(events(jordan).get(1)).containsEntry("okay_to_text", false)
                .containsEntry("phone_e164", "+14045387319").containsEntry("detail", "CELL_CHANGED");

        // Ticked again in a save that changes the number, for the number typed: kept, and recorded.
        assertThat(save(jordan.getId(), 1, "Jordan", "Avery", "770", "555-0188", true, "")).hasStatus3xxRedirection();
        assertThat(events(jordan)).hasSize(3);
        assertThat(events(jordan).get(2)).containsEntry("okay_to_text", true)
                .containsEntry("phone_e164", "+17705550188").containsEntry("detail", null);

        assertThat(save(jordan.getId(), 2, "Jordan", "Avery", "404", "538-7319", true, "404 538-7319"))
                .hasStatus3xxRedirection().flash().extractingByKey("flash")
                .extracting("messageKey").isEqualTo("client.saved");
        Client back = clientService.findClient(jordan.getId());
        assertThat(back.isOkayToText()).isTrue();
        assertThat(back.getCellE164()).isEqualTo("+14045387319");
        assertThat(events(jordan)).hasSize(4);
        assertThat(events(jordan).get(3)).containsEntry("okay_to_text", true)
                .containsEntry("phone_e164", "+14045387319").containsEntry("detail", "CELL_CHANGED");
    }

    @Test
    void removingTheCellUnticksTheBoxAndRecordsIt() {
        Client jordan = create("Jordan", "Avery", "404", "538-7319", true);
        assertThat(save(jordan.getId(), 0, "Jordan", "Avery", "", "", true, "+14045387319")).hasStatus3xxRedirection();
        Client noCell = clientService.findClient(jordan.getId());
        assertThat(noCell.getCell()).isEmpty();
        assertThat(noCell.isOkayToText()).isFalse();
        assertThat(noCell.textingBlockedReason()).contains(Client.NO_VALID_CELL);
        assertThat(events(jordan).get(1)).containsEntry("okay_to_text", false)
                .containsEntry("phone_e164", "+14045387319").containsEntry("detail", "CELL_CHANGED");
    }

    @Test
    void theRecordShowsTheConsentHistoryNewestFirstInWords() {
        Client jordan = create("Jordan", "Avery", "404", "538-7319", true);
        clientService.recordKeywordConsent("+14045387319", false, "stop");
        clientService.recordKeywordConsent("+14045387319", true, "START");
        clientService.withdrawConsentAfterTwilioError(jordan.getId(), "21610");
        assertThat(mvc.get().uri("/clients/{id}", jordan.getId()).with(user(as(casey)))).hasStatusOk().bodyText()
                .contains("Okay to Text history")
                .containsSubsequence("Unticked", "404-538-7319", "Twilio error", "Error 21610",
                        "Ticked", "Text from the client", "Texted START",
                        "Unticked", "Text from the client", "Texted STOP",
                        "Ticked", "Staff", casey.getDisplayName());
    }

    @Test
    void aKeywordChangesEveryClientSharingTheNumberThatDiffers() {
        Client maria = create("Maria", "Lopez", "770", "555-0188", true);
        Client luis = create("Luis", "Lopez", "770", "555-0188", false);
        Client jordan = create("Jordan", "Avery", "404", "538-7319", true);

        assertThat(clientService.recordKeywordConsent("+17705550188", false, "STOP")).isEqualTo(1);
        assertThat(clientService.findClient(maria.getId()).isOkayToText()).isFalse();
        assertThat(clientService.findClient(luis.getId()).isOkayToText()).isFalse();
        assertThat(events(maria).get(1)).containsEntry("okay_to_text", false).containsEntry("source", "KEYWORD")
                .containsEntry("detail", "STOP").containsEntry("staff_id", null)
                .containsEntry("phone_e164", "+17705550188");
        assertThat(events(luis)).isEmpty();

        assertThat(clientService.recordKeywordConsent("+17705550188", true, "start")).isEqualTo(2);
        assertThat(clientService.findClient(maria.getId()).isOkayToText()).isTrue();
        assertThat(clientService.findClient(luis.getId()).isOkayToText()).isTrue();
        assertThat(events(luis)).singleElement().satisfies(event -> assertThat(event)
                .containsEntry("source", "KEYWORD").containsEntry("detail", "START"));

        assertThat(clientService.recordKeywordConsent("+17705550188", true, "YES")).isZero();
        assertThat(events(maria)).hasSize(3);
        assertThat(clientService.findClient(jordan.getId()).isOkayToText()).isTrue();
        assertThat(events(jordan)).hasSize(1);
    }

    @Test
    void aStopArrivingWhileACaseworkerEditsIsNotOverwrittenByTheirSave() {
        Client jordan = create("Jordan", "Avery", "404", "538-7319", true);
        // The caseworker loaded the form at version 0, box ticked; then the client texted STOP.
        clientService.recordKeywordConsent("+14045387319", false, "STOP");
        assertThat(save(jordan.getId(), 0, "Jordan", "Avery", "404", "538-7319", true, "+14045387319"))
                .hasStatusOk().bodyText().contains("Someone else changed this client while you were editing");
        assertThat(clientService.findClient(jordan.getId()).isOkayToText()).isFalse();
        assertThat(events(jordan)).hasSize(2);
    }

    @Test
    void aTickForANumberThatIsNotTheNewOneDoesNotCarryConsentOver() {
        Client jordan = create("Jordan", "Avery", "404", "538-7319", true);
        assertThat(save(jordan.getId(), 0, "Jordan", "Avery", "678", "555-0123", true, "not a number"))
                .hasStatus3xxRedirection();
        assertThat(clientService.findClient(jordan.getId()).isOkayToText()).isFalse();
        assertThat(save(jordan.getId(), 1, "Jordan", "Avery", "770", "555-0188", true, "678 555-0123"))
                .hasStatus3xxRedirection();
        assertThat(clientService.findClient(jordan.getId()).isOkayToText()).isTrue();
    }

    @Test
    void aBoxThatIsNeitherTickedNorUntickedIsRefused() {
        Client dana = create("Dana", "Brooks", "678", "555-0123", false);
        assertThat(mvc.post().uri("/clients/{id}/edit", dana.getId()).with(user(as(casey))).with(csrf())
                .param("firstName", "Dana").param("lastName", "Brooks").param("cellAreaCode", "678")
                .param("cellNumber", "555-0123").param("okayToText", "maybe").param("safe", "perhaps")
                .param("version", "0")).hasStatusOk().bodyText()
                .contains("Tick the Okay to Text box or leave it unticked.", "Tick the Safe box or leave it unticked.");
        assertThat(events(dana)).isEmpty();
        assertThat(clientService.findClient(dana.getId()).getVersion()).isZero();
    }

    @Test
    void aKeywordFromAnUnknownOrForeignNumberChangesNothing() {
        create("Jordan", "Avery", "404", "538-7319", true);
        assertThat(clientService.recordKeywordConsent("+16785550123", false, "STOP")).isZero();
        assertThat(clientService.recordKeywordConsent("+447946095800", false, "STOP")).isZero();
        assertThat(clientService.recordKeywordConsent("not a number", false, "STOP")).isZero();
        assertThat(jdbc.queryForObject("select count(*) from consent_events", Integer.class)).isEqualTo(1);
    }

    @Test
    void findsEveryClientSharingACell() {
        create("Maria", "Lopez", "770", "555-0188", true);
        create("Luis", "Lopez", "770", "555-0188", false);
        create("Jordan", "Avery", "404", "538-7319", true);
        assertThat(clientService.findClientsByCell("+17705550188")).extracting(Client::getFullName)
                .containsExactly("Luis Lopez", "Maria Lopez");
        assertThat(clientService.findClientsByCell("+16785550123")).isEmpty();
        assertThat(clientService.findClientsByCell("+447946095800")).isEmpty();
        assertThat(clientService.findClientsByCell(null)).isEmpty();
    }

    @Test
    void aTwilioOptOutErrorUnticksTheBoxOnce() {
        Client jordan = create("Jordan", "Avery", "404", "538-7319", true);
        clientService.withdrawConsentAfterTwilioError(jordan.getId(), "21610");
        clientService.withdrawConsentAfterTwilioError(jordan.getId(), "21610");
        assertThat(clientService.findClient(jordan.getId()).isOkayToText()).isFalse();
        assertThat(events(jordan)).hasSize(2);
        assertThat(events(jordan).get(1)).containsEntry("source", "TWILIO_ERROR").containsEntry("detail", "21610")
                .containsEntry("okay_to_text", false).containsEntry("staff_id", null);
        assertThatThrownBy(() -> clientService.withdrawConsentAfterTwilioError(999_999, "21610"))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void theReadModelSaysWhyAClientCannotBeTexted() {
        Client jordan = create("Jordan", "Avery", "404", "538-7319", true);
        Client dana = create("Dana", "Brooks", "678", "555-0123", false);
        Client sam = create("Sam", "Carter", "", "", false);
        Client found = clientService.findClient(jordan.getId());
        assertThat(found.getFullName()).isEqualTo("Jordan Avery");
        assertThat(found.getCellDisplay()).isEqualTo("404-538-7319");
        assertThat(found.getCellE164()).isEqualTo("+14045387319");
        assertThat(found.getCell()).contains(CellNumber.parse("404", "538-7319"));
        assertThat(found.textingBlockedReason()).isEmpty();
        assertThat(found.canBeTexted()).isTrue();
        assertThat(clientService.findClient(dana.getId()).textingBlockedReason())
                .contains(Client.OKAY_TO_TEXT_UNTICKED);
        assertThat(clientService.findClient(sam.getId()).textingBlockedReason()).contains(Client.NO_VALID_CELL);
        assertThat(clientService.findClient(sam.getId()).getCellDisplay()).isNull();
    }

    private Client create(String firstName, String lastName, String areaCode, String number, boolean okayToText) {
        ClientDetails details = new ClientDetails(firstName, lastName, areaCode, number, true, okayToText, "");
        return clientService.createClient(details, StaffPrincipal.of(casey));
    }

    private MvcTestResult save(long id, long version, String firstName, String lastName, String areaCode,
            String number, boolean okayToText, String okayToTextCell) {
        MockMvcRequestBuilder request = mvc.post().uri("/clients/{id}/edit", id).with(user(as(casey))).with(csrf())
                .param("firstName", firstName).param("lastName", lastName).param("cellAreaCode", areaCode)
                .param("cellNumber", number).param("safe", "true").param("_safe", "on").param("_okayToText", "on")
                .param("okayToTextCell", okayToTextCell).param("version", String.valueOf(version));
        if (okayToText) {
            request = request.param("okayToText", "true");
        }
        return request.exchange();
    }

    /** The client's consent events, oldest first. */
    private List<Map<String, Object>> events(Client client) {
        return jdbc.queryForList("""
                select okay_to_text, phone_e164, source, detail, staff_id from consent_events
                where client_id = ? order by occurred_at, id""", client.getId());
    }
}
