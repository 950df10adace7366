package org.textdesk.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.textdesk.IntegrationTest;
import org.textdesk.cases.CaseRecord;
import org.textdesk.cases.CaseService;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.inbox.IncomingTexts;
import org.textdesk.staff.Staff;
import org.textdesk.twiliosetup.TwilioSetupFixture;

/**
 * Kept files as staff see them: served with their stored type, nosniff, a policy that runs nothing, inline
 * only for pictures; thumbnails on the client's Texts, Incoming and the text's page; "3 pictures" for a text of
 * pictures alone; the case's CSV and printable page.
 */
class MediaPagesTest extends IntegrationTest {

    static final byte[] HEIC = MediaFixtures.concat(new byte[] {0, 0, 0, 24, 'f', 't', 'y', 'p', 'h', 'e', 'i', 'c'},
            new byte[12]);

    @Autowired
    IncomingTexts incomingTexts;

    @Autowired
    ClientService clientService;

    @Autowired
    CaseService caseService;

    Staff casey;
    Client jordan;
    CaseRecord rentalCase;
    long messageId;

    @BeforeEach
    void aTextOfTwoPicturesFromAClient() {
        casey = newCaseworker();
        jordan = ClientFixture.client("Jordan", "Avery").cell("404", "538-7319").safe(true).okayToText(true)
                .create(clientService, as(casey));
        rentalCase = caseService.openCase(jordan.getId(), "16E-20010101", "Rental assistance", LocalDate.of(2016, 8, 1),
                null);
        String sid = MediaFixtures.newMmsSid();
        // Addresses the fetch job cannot reach (no Twilio Setup): the test decides what was kept.
        String base = "https://api.twilio.com/2010-04-01/Accounts/" + TwilioSetupFixture.ACCOUNT_SID + "/Messages/" + sid
                + "/Media/ME";
        incomingTexts.receive(sid, "+14045387319", TwilioSetupFixture.TWILIO_NUMBER, "", null,
                IncomingMedia.of(3, n -> base + n, n -> List.of("image/jpeg", "image/heic", "image/svg+xml").get(n)));
        messageId = jdbc.queryForObject("select id from text_messages where twilio_sid = ?", Long.class, sid);
        keep(0, "image/jpeg", MediaFixtures.JPEG);
        keep(1, "image/heic", HEIC);
    }

    @Test
    void aPictureIsServedWithItsTypeNosniffAPolicyThatRunsNothingAndInline() {
        MockHttpServletResponse jpeg = get("/media/" + mediaId(0));
        assertThat(jpeg.getStatus()).isEqualTo(200);
        assertThat(jpeg.getContentType()).isEqualTo("image/jpeg");
        assertThat(jpeg.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(jpeg.getHeader("Content-Security-Policy")).isEqualTo("default-src 'none'; sandbox");
        assertThat(jpeg.getHeader("Content-Disposition")).isEqualTo("inline; filename=\"picture-1.jpg\"");
        assertThat(jpeg.getContentAsByteArray()).isEqualTo(MediaFixtures.JPEG);

        MockHttpServletResponse download = get("/media/" + mediaId(0) + "/download");
        assertThat(download.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"picture-1.jpg\"");
        assertThat(download.getHeader("Content-Security-Policy")).isEqualTo("default-src 'none'; sandbox");
    }

    @Test
    void aPdfIsOnlyEverAnAttachmentAndAFileNotKeptIsNotServed() {
        jdbc.update("update text_media set content_type = 'application/pdf', declared_type = 'application/pdf', "
                + "content = ? where id = ?", MediaFixtures.PDF, mediaId(1));
        MockHttpServletResponse pdf = get("/media/" + mediaId(1));
        assertThat(pdf.getContentType()).isEqualTo("application/pdf");
        assertThat(pdf.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"file-2.pdf\"");
        assertThat(pdf.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");

        assertThat(get("/media/" + mediaId(2)).getStatus()).as("the SVG was never kept").isEqualTo(404);
        assertThat(mvc.get().uri("/media/" + mediaId(0))).hasStatus(302).redirectedUrl().endsWith("/login");
    }

    @Test
    void theClientsTextsIncomingAndTheTextsPageShowThePictures() throws Exception {
        String img = "<img class=\"thumbnail\" src=\"/media/" + mediaId(0) + "\"";
        for (String uri : List.of("/clients/" + jordan.getId() + "/texts", "/incoming", "/texts/" + messageId,
                "/cases/" + rentalCase.getId() + "/texts/print")) {
            String page = get(uri).getContentAsString(StandardCharsets.UTF_8);
            assertThat(page).as(uri).contains(img, "<a class=\"thumbnail-link\" href=\"/media/" + mediaId(0) + "\">",
                    "Download picture-2.heic (image/heic)", "A file of type image/svg+xml was not kept.",
                    ">3 pictures</span>");
            assertThat(page).as(uri + ": HEIC is a download, not drawn").doesNotContain("src=\"/media/" + mediaId(1));
        }
    }

    @Test
    void theCaseExportListsTheAttachmentsByNameAndType() throws Exception {
        String csv = get("/cases/" + rentalCase.getId() + "/texts.csv").getContentAsString(StandardCharsets.UTF_8);
        assertThat(csv.lines().findFirst().orElseThrow()).endsWith(",Attachments");
        assertThat(csv).contains("\"picture-1.jpg (image/jpeg)\npicture-2.heic (image/heic)\n"
                + "file-3 (image/svg+xml): A file of type image/svg+xml was not kept.\"");
    }

    private void keep(int position, String type, byte[] bytes) {
        jdbc.update("update text_media set state = 'STORED', content_type = ?, content = ?, size_bytes = ? "
                + "where text_message_id = ? and position = ?", type, bytes, bytes.length, messageId, position);
    }

    private long mediaId(int position) {
        return jdbc.queryForObject("select id from text_media where text_message_id = ? and position = ?", Long.class,
                messageId, position);
    }

    private MockHttpServletResponse get(String uri) {
        return mvc.get().uri(uri).with(user(as(casey))).exchange().getResponse();
    }

}
