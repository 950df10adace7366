package org.textdesk.texts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.textdesk.IntegrationTest;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.staff.Staff;

/**
 * Issue 15: Twilio's errors in plain words, with what to do, each marked permanent or temporary; two permanent
 * failures that say the number is wrong make the client record and Send Text form say so, until the cell
 * changes or a text to it is delivered.
 */
class TwilioErrorWordsTest extends IntegrationTest {

    static final String PERMANENT = "Permanent: sending the same text to this number again will not help";
    static final String TEMPORARY = "Temporary: trying again later may work.";
    static final String NUMBER_WRONG = "This number may be wrong: the last texts to it failed twice for good";

    @Autowired
    ClientService clientService;

    TextingData data;
    Staff casey;
    Client jordan;

    @BeforeEach
    void aClientWhoMayBeTexted() {
        data = new TextingData(jdbc);
        casey = newCaseworker();
        configureTwilio();
        jordan = ClientFixture.client("Jordan", "Avery").cell("404", "538-7319").safe(true).okayToText(true)
                .create(clientService, as(casey));
    }

    @Test
    void eachErrorIsExplainedWithWhatToDoAndWhetherItIsPermanent() {
        Map<String, String[]> expected = new LinkedHashMap<>();
        expected.put("30003", new String[] {"The client&#39;s phone could not be reached", TEMPORARY});
        expected.put("30004", new String[] {"The text was blocked: the client may have blocked our number", PERMANENT});
        expected.put("30005", new String[] {"this number does not exist or is no longer in service", PERMANENT});
        expected.put("30006", new String[] {"This number cannot receive texts: it is probably a landline", PERMANENT});
        expected.put("30007", new String[] {"The phone company blocked the text as possible spam", TEMPORARY});
        expected.put("30008", new String[] {"the phone company did not say why. Try again later", TEMPORARY});
        expected.put("30034", new String[] {"our number is not registered for texting in the US (A2P 10DLC)", PERMANENT});
        expected.put("30450", new String[] {"suspected SMS pumping fraud to this number", PERMANENT});
        expected.put("21211", new String[] {"not a valid phone number. Check the number on the client record", PERMANENT});
        expected.put("21408", new String[] {"not allowed to text numbers in this country (Geo Permissions)", PERMANENT});
        expected.put("21610", new String[] {"The client has replied STOP to our number", PERMANENT});
        expected.put("21614", new String[] {"not a mobile number that can receive texts", PERMANENT});
        expected.put("21617", new String[] {"longer than Twilio&#39;s limit of 1,600 characters. Shorten it", PERMANENT});
        expected.put("20003", new String[] {"Twilio rejected TextDesk&#39;s credentials. An admin must check", TEMPORARY});
        expected.put("20429", new String[] {"Twilio is receiving too many requests right now. Wait a minute", TEMPORARY});
        expected.put("63018", new String[] {"more texts than it allows on this channel right now. Wait a minute",
                TEMPORARY});
        expected.forEach((code, words) -> {
            long id = data.outboundText().toClient(jordan.getId(), "+14045550100").sentBy(casey.getId())
                    .body("Hello").status("undelivered").errorCode(code).sentAt(Instant.now()).insert();
            String page = page("/texts/" + id);
            assertThat(page).as(code).contains("Error " + code, words[0], words[1])
                    .doesNotContain("which TextDesk cannot put in plain words yet");
            assertThat(page).as(code).doesNotContain(words[1] == PERMANENT ? TEMPORARY : PERMANENT);
        });
    }

    @Test
    void twoPermanentFailuresThatSayTheNumberIsWrongAreShownUntilATextIsDelivered() {
        Instant start = Instant.now().minus(Duration.ofHours(1));
        failed("30005", start);
        assertThat(page("/clients/" + jordan.getId())).doesNotContain(NUMBER_WRONG);
        failed("30008", start.plusSeconds(60));
        assertThat(page("/clients/" + jordan.getId())).as("a temporary failure does not count")
                .doesNotContain(NUMBER_WRONG);

        failed("21614", start.plusSeconds(120));
        assertThat(page("/clients/" + jordan.getId())).contains(NUMBER_WRONG);
        assertThat(page("/clients/" + jordan.getId() + "/texts/new")).contains(NUMBER_WRONG);

        data.outboundText().toClient(jordan.getId(), "+14045387319")
                .sentBy(casey.getId()).body("Hello").status("delivered").sentAt(start.plusSeconds(180)).insert();
        assertThat(page("/clients/" + jordan.getId())).doesNotContain(NUMBER_WRONG);
        assertThat(page("/clients/" + jordan.getId() + "/texts/new")).doesNotContain(NUMBER_WRONG);
    }

    @Test
    void theWarningGoesWhenTheCellChanges() {
        Instant start = Instant.now().minus(Duration.ofHours(1));
        failed("30006", start);
        failed("30006", start.plusSeconds(60));
        assertThat(page("/clients/" + jordan.getId() + "/texts/new")).contains(NUMBER_WRONG);

        jdbc.update("update clients set cell_number = '538-7320', cell_e164 = '+14045387320' where id = ?",
                jordan.getId());

        assertThat(page("/clients/" + jordan.getId())).doesNotContain(NUMBER_WRONG);
        assertThat(page("/clients/" + jordan.getId() + "/texts/new")).doesNotContain(NUMBER_WRONG);
    }

    private void failed(String code, Instant at) {
        data.outboundText().toClient(jordan.getId(), "+14045387319")
                .sentBy(casey.getId()).body("Hello").status("undelivered").errorCode(code).sentAt(at).insert();
    }

    private String page(String uri) {
        var response = mvc.get().uri(uri).with(user(as(casey))).exchange().getResponse();
        assertThat(response.getStatus()).as(uri).isEqualTo(200);
        try {
            return response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
