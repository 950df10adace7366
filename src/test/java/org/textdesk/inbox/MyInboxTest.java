package org.textdesk.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.textdesk.FakeTwilio;
import org.textdesk.IntegrationTest;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.staff.Staff;
import org.textdesk.twiliosetup.TwilioSetupFixture;

/** My inbox, Unassigned and the navigation's count of my unread texts, on PostgreSQL. */
class MyInboxTest extends IntegrationTest {

    /** The navigation's My inbox link, up to its end. */
    private static final String MY_INBOX_LINK = "class=\"nav-my-inbox\"(?:(?!</a>)[\\s\\S])*";

    @Autowired
    ClientService clientService;

    @Autowired
    IncomingTexts incomingTexts;

    Staff casey;
    Staff robin;
    Client jordan;
    Client dana;

    @BeforeEach
    void twoCaseloads() {
        casey = newCaseworker();
        robin = newCaseworker();
        configureTwilio();
        jordan = ClientFixture.client("Jordan", "Avery").cell("404", "538-7319").safe(true).okayToText(true)
                .create(clientService, as(casey));
        dana = ClientFixture.client("Dana", "Brooks").cell("678", "555-0123").safe(true).okayToText(true)
                .create(clientService, as(robin));
    }

    private void receive(String from, String body) {
        incomingTexts.receive(FakeTwilio.newMessageSid(), from, TwilioSetupFixture.TWILIO_NUMBER, body, null);
    }

    private String page(String uri, Staff staff) {
        return countedGet(uri, staff).result();
    }

    @Test
    void myInboxListsOnlyMyClientsUnreadTextsNewestFirstWithNameAndFirstLine() {
        receive("+14045387319", "First question\nwith a second line");
        receive("+16785550123", "Dana's text");
        receive("+14045387319", "Second question");
        String mine = page("/inbox", casey);
        assertThat(mine).contains("Jordan Avery", "First question", "Second question")
                .doesNotContain("with a second line", "Dana")
                .contains("href=\"/clients/" + jordan.getId() + "/conversation\"");
        assertThat(mine.indexOf("Second question")).isLessThan(mine.indexOf("First question"));
        assertThat(mine).containsPattern(MY_INBOX_LINK + ">2 unread<");
        assertThat(page("/inbox", robin)).contains("Dana&#39;s text").doesNotContain("Jordan Avery")
                .containsPattern(MY_INBOX_LINK + ">1 unread<");

        // Opening the thread reads them: gone from my inbox and my count.
        page("/clients/" + jordan.getId() + "/conversation", casey);
        assertThat(page("/inbox", casey)).contains("No unread texts from your clients.")
                .doesNotContainPattern(MY_INBOX_LINK + "unread<");
    }

    @Test
    void unassignedListsUnknownNumbersToAttachAndClientsWithoutACaseworkerToClaim() {
        receive("+17705550100", "Who is this?");
        jdbc.update("update clients set caseworker_id = null where id = ?", dana.getId());
        receive("+16785550123", "Dana again");
        long unknown = jdbc.queryForObject("select id from text_messages where unknown_number", Long.class);
        String unassigned = page("/inbox/unassigned", casey);
        assertThat(unassigned).contains("770-555-0100", "Who is this?", "href=\"/incoming/" + unknown + "/attach\"")
                .contains("Dana Brooks", "Dana again", "action=\"/clients/" + dana.getId() + "/caseworker/claim\"")
                .doesNotContain("Jordan Avery");

        assertThat(mvc.post().uri("/clients/{id}/caseworker/claim", dana.getId()).with(user(as(casey))).with(csrf()))
                .hasRedirectedUrl("/clients/" + dana.getId());
        assertThat(page("/inbox/unassigned", casey)).doesNotContain("Dana again")
                .contains("No texts from clients without a caseworker.");
        assertThat(page("/inbox", casey)).contains("Dana Brooks", "Dana again");
    }

    @Test
    void aTextFromAnUnknownNumberBecomesANewClientOfMineWithTheTextAttached() {
        receive("+14045550123", "Hi, I am new here");
        long text = jdbc.queryForObject("select id from text_messages where unknown_number", Long.class);
        assertThat(page("/incoming/" + text + "/attach", casey)).contains("Or add the client from this number",
                "action=\"/incoming/" + text + "/new-client\"");

        // Bad input: the messages beside the boxes, what was typed kept, nothing written.
        assertThat(mvc.post().uri("/incoming/{id}/new-client", text).with(user(as(casey))).with(csrf())
                .param("firstName", "Pat").param("lastName", " ")).hasStatusOk().bodyText()
                .contains("value=\"Pat\"", "lastName-error");
        assertThat(jdbc.queryForObject("select count(*) from clients", Integer.class)).isEqualTo(2);

        var added = mvc.post().uri("/incoming/{id}/new-client", text).with(user(as(casey))).with(csrf())
                .param("firstName", "Pat").param("lastName", "Newcomer").exchange();
        long patId = jdbc.queryForObject("select id from clients where last_name = 'Newcomer'", Long.class);
        assertThat(added).hasRedirectedUrl("/clients/" + patId + "/conversation");
        assertThat(jdbc.queryForMap("select cell_e164, caseworker_id, safe, okay_to_text from clients where id = ?",
                patId)).containsEntry("cell_e164", "+14045550123").containsEntry("caseworker_id", casey.getId())
                .containsEntry("safe", false).containsEntry("okay_to_text", false);
        assertThat(jdbc.queryForObject("select unknown_number from text_messages where id = ?", Boolean.class, text))
                .isFalse();
        assertThat(jdbc.queryForObject("select client_id from client_texts where text_message_id = ?", Long.class,
                text)).isEqualTo(patId);
        assertThat(page("/inbox", casey)).contains("Pat Newcomer", "Hi, I am new here");
    }

    @Test
    void aNumberThatIsNoUsCellIsRefusedInWords() {
        receive("+442071838750", "Hello from London");
        long text = jdbc.queryForObject("select id from text_messages where unknown_number", Long.class);
        assertThat(mvc.post().uri("/incoming/{id}/new-client", text).with(user(as(casey))).with(csrf())
                .param("firstName", "Pat").param("lastName", "Abroad")).hasStatusOk().bodyText()
                .contains("This number is not a valid US cell number", "value=\"Abroad\"");
        assertThat(jdbc.queryForObject("select count(*) from clients", Integer.class)).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from client_texts", Integer.class)).isZero();
    }
}
