package org.textdesk.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.textdesk.media.MediaFixtures.incomingWithMedia;
import static org.textdesk.media.MediaFixtures.newMmsSid;
import static org.textdesk.media.MediaFixtures.waitUntil;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.textdesk.FakeTwilio;
import org.textdesk.FakeTwilio.RecordedRequest;
import org.textdesk.IntegrationTest;
import org.textdesk.TwilioWebhookRequests;
import org.textdesk.twiliosetup.TwilioSetupFixture;

/**
 * Pictures (MMS) from clients (issue 15 point 4): stored with the text in the webhook's write, fetched by the
 * background job from Twilio through the SDK (a first 404, then a redirect to the media host, as Twilio does),
 * the limits, and deleting them at Twilio when the admin asked for it.
 */
class IncomingPicturesTest extends IntegrationTest {

    static final String ACCOUNT = TwilioSetupFixture.ACCOUNT_SID;
    static final String FROM = "+14045387319";

    @BeforeEach
    void twilio() {
        configureTwilio();
    }

    @Test
    void aTextWithTwoPicturesIsStoredWithBothAndTheJobFetchesThemFromTwilio() {
        String sid = newMmsSid();
        String jpegUrl = fakeTwilio.serveMedia(ACCOUNT, sid, "image/jpeg", MediaFixtures.JPEG, true);
        String pngUrl = fakeTwilio.serveMedia(ACCOUNT, sid, "image/png", MediaFixtures.PNG, true);

        assertThat(TwilioWebhookRequests.post(mvc, "/twilio/sms", incomingWithMedia(sid, FROM, "",
                List.of(jpegUrl, pngUrl), List.of("image/jpeg", "image/png")))).hasStatusOk();

        // What the 200 to Twilio promised: the text and both files' addresses are stored.
        assertThat(jdbc.queryForObject("select num_media from text_messages where twilio_sid = ?", Integer.class, sid))
                .isEqualTo(2);
        assertThat(jdbc.queryForList("""
                select f.position, f.twilio_url, f.declared_type from text_media f
                join text_messages m on m.id = f.text_message_id where m.twilio_sid = ? order by f.position""", sid))
                .containsExactly(
                        Map.of("position", 0, "twilio_url", jpegUrl, "declared_type", "image/jpeg"),
                        Map.of("position", 1, "twilio_url", pngUrl, "declared_type", "image/png"));

        waitUntil("both pictures fetched", Duration.ofSeconds(30), () -> count("state = 'STORED'") == 2);
        assertThat(content(sid, 0)).isEqualTo(MediaFixtures.JPEG);
        assertThat(content(sid, 1)).isEqualTo(MediaFixtures.PNG);
        assertThat(jdbc.queryForList("select content_type from text_media order by position", String.class))
                .containsExactly("image/jpeg", "image/png");

        for (String url : List.of(jpegUrl, pngUrl)) {
            List<RecordedRequest> asked = fakeTwilio.requests("GET", FakeTwilio.pathOf(url));
            assertThat(asked).as("asked once, 404, asked again after a wait").hasSize(2);
            assertThat(asked).allSatisfy(request -> {
                assertThat(request.basicUsername()).isEqualTo(ACCOUNT);
                assertThat(request.basicPassword()).isEqualTo(TwilioSetupFixture.AUTH_TOKEN);
            });
            assertThat(Duration.between(asked.get(0).receivedAt(), asked.get(1).receivedAt()))
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        }
        assertThat(fakeTwilio.requests("GET", FakeTwilio.MEDIA_HOST_PATH)).hasSize(2);
        assertThat(fakeTwilio.requests("DELETE", FakeTwilio.MEDIA_RESOURCE_PATH))
                .as("Twilio keeps the pictures unless the admin asked otherwise").isEmpty();
    }

    @Test
    void aPictureWithAKeywordIsStoredInTheKeywordsTransaction() {
        String sid = newMmsSid();
        String url = fakeTwilio.serveMedia(ACCOUNT, sid, "image/png", MediaFixtures.PNG, false);

        assertThat(TwilioWebhookRequests.post(mvc, "/twilio/sms", incomingWithMedia(sid, FROM, "START",
                List.of(url), List.of("image/png")))).hasStatusOk();

        assertThat(jdbc.queryForObject("select num_media from text_messages where twilio_sid = ?", Integer.class, sid))
                .isEqualTo(1);
        waitUntil("the picture fetched", Duration.ofSeconds(30), () -> count("state = 'STORED'") == 1);
        assertThat(content(sid, 0)).isEqualTo(MediaFixtures.PNG);
    }

    @Test
    void tooLargeTooManyAndDisallowedTypesAreNotKeptButNamed() throws Exception {
        String sid = newMmsSid();
        List<String> urls = new ArrayList<>();
        List<String> types = new ArrayList<>();
        // 0: an SVG, declared as such: never asked for
        urls.add(fakeTwilio.serveMedia(ACCOUNT, sid, "image/svg+xml", MediaFixtures.SVG, false));
        types.add("image/svg+xml");
        // 1: a JPEG one byte over 5 MB
        byte[] tooLarge = MediaFixtures.concat(MediaFixtures.JPEG, new byte[5 * 1024 * 1024 + 1 - MediaFixtures.JPEG.length]);
        urls.add(fakeTwilio.serveMedia(ACCOUNT, sid, "image/jpeg", tooLarge, false));
        types.add("image/jpeg");
        // 2: declared a PNG, served as an SVG
        urls.add(fakeTwilio.serveMedia(ACCOUNT, sid, "image/svg+xml", MediaFixtures.SVG, false));
        types.add("image/png");
        // 3: declared and served a PNG, but the bytes are an HTML page
        urls.add(fakeTwilio.serveMedia(ACCOUNT, sid, "image/png", "<html><script>alert(1)</script></html>".getBytes(),
                false));
        types.add("image/png");
        // 4: a PDF, exactly 5 MB
        byte[] fiveMegabytes = MediaFixtures.concat(MediaFixtures.PDF, new byte[5 * 1024 * 1024 - MediaFixtures.PDF.length]);
        urls.add(fakeTwilio.serveMedia(ACCOUNT, sid, "application/pdf", fiveMegabytes, false));
        types.add("application/pdf");
        // 5 to 11: pictures; only the first 10 files of a text are kept
        for (int n = 5; n < 12; n++) {
            urls.add(fakeTwilio.serveMedia(ACCOUNT, sid, "image/png", MediaFixtures.PNG, false));
            types.add("image/png");
        }

        assertThat(TwilioWebhookRequests.post(mvc, "/twilio/sms", incomingWithMedia(sid, FROM, "Papers",
                urls, types))).hasStatusOk();
        waitUntil("every file settled", Duration.ofSeconds(60), () -> count("state = 'PENDING'") == 0);

        assertThat(jdbc.queryForList("select position, state, not_kept_reason from text_media order by position"))
                .extracting(row -> row.get("position") + " " + row.get("state") + " " + row.get("not_kept_reason"))
                .containsExactly("0 NOT_KEPT TYPE", "1 NOT_KEPT SIZE", "2 NOT_KEPT TYPE", "3 NOT_KEPT TYPE",
                        "4 STORED null", "5 STORED null", "6 STORED null", "7 STORED null", "8 STORED null",
                        "9 STORED null", "10 NOT_KEPT TOO_MANY", "11 NOT_KEPT TOO_MANY");
        assertThat(jdbc.queryForObject("select count(*) from text_media where content is not null and state <> 'STORED'",
                Integer.class)).as("no bytes of a file not kept").isZero();
        assertThat(content(sid, 4)).isEqualTo(fiveMegabytes);
        for (int n : new int[] {0, 10, 11}) {
            assertThat(fakeTwilio.requests("GET", FakeTwilio.pathOf(urls.get(n)))).as("file %d asked for", n).isEmpty();
        }

        var caseworker = newCaseworker();
        String page = mvc.get().uri("/incoming").with(user(as(caseworker))).exchange().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("A file of type image/svg+xml was not kept.",
                "A file of type image/jpeg was not kept: it is larger than 5 MB.",
                "A file of type image/png was not kept: TextDesk keeps 10 files of a text.",
                "Download file-5.pdf (application/pdf)");
    }

    @Test
    void aMediaUrlElsewhereThanTwilioNeverGetsTheAuthToken() {
        String sid = newMmsSid();
        String elsewhere = "http://127.0.0.1:" + fakeTwilio.port() + "/elsewhere/picture.png";
        fakeTwilio.answer("GET", "/elsewhere/picture.png", FakeTwilio.Answer.file("image/png", MediaFixtures.PNG));

        assertThat(TwilioWebhookRequests.post(mvc, "/twilio/sms", incomingWithMedia(sid, FROM, "Look",
                List.of(elsewhere), List.of("image/png")))).hasStatusOk();
        waitUntil("the file settled", Duration.ofSeconds(30), () -> count("state = 'PENDING'") == 0);

        assertThat(jdbc.queryForObject("select not_kept_reason from text_media", String.class)).isEqualTo("NOT_AT_TWILIO");
        assertThat(fakeTwilio.requests("GET", "/elsewhere/picture.png")).isEmpty();
    }

    @Test
    void withTheOptionOnEachPictureIsDeletedAtTwilioOnceStored() throws Exception {
        var admin = newAdmin();
        assertThat(mvc.post().uri("/admin/twilio/pictures").with(user(as(admin))).with(csrf())
                .param("deleteAtTwilio", "true")).hasStatus3xxRedirection();
        assertThat(mvc.get().uri("/admin/twilio").with(user(as(admin))).exchange().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .containsPattern("<input type=\"checkbox\" id=\"deleteAtTwilio\"[^>]*checked");
        String sid = newMmsSid();
        String url = fakeTwilio.serveMedia(ACCOUNT, sid, "image/jpeg", MediaFixtures.JPEG, false);

        assertThat(TwilioWebhookRequests.post(mvc, "/twilio/sms", incomingWithMedia(sid, FROM, "",
                List.of(url), List.of("image/jpeg")))).hasStatusOk();
        waitUntil("the picture deleted at Twilio", Duration.ofSeconds(30),
                () -> count("deleted_at_twilio_at is not null") == 1);

        List<RecordedRequest> deletes = fakeTwilio.requests("DELETE", FakeTwilio.MEDIA_RESOURCE_PATH);
        assertThat(deletes).hasSize(1);
        assertThat(deletes.get(0).path()).isEqualTo(FakeTwilio.pathOf(url) + ".json");
        assertThat(deletes.get(0).basicUsername()).isEqualTo(ACCOUNT);
        assertThat(content(sid, 0)).as("TextDesk's copy stays").isEqualTo(MediaFixtures.JPEG);
        RecordedRequest fetched = fakeTwilio.requests("GET", FakeTwilio.pathOf(url)).get(0);
        assertThat(deletes.get(0).receivedAt()).isAfterOrEqualTo(fetched.receivedAt());
    }

    @Test
    void aFailedFetchIsTriedAgainAndShownAsNotFetchedYet() throws Exception {
        String sid = newMmsSid();
        String url = "https://api.twilio.com" + FakeTwilio.API + "/Accounts/" + ACCOUNT + "/Messages/" + sid
                + "/Media/ME" + "0".repeat(32);
        fakeTwilio.answer("GET", FakeTwilio.pathOf(url), FakeTwilio.Answer.twilioError(503, 20500, "Internal error"));

        assertThat(TwilioWebhookRequests.post(mvc, "/twilio/sms", incomingWithMedia(sid, FROM, "",
                List.of(url), List.of("image/jpeg")))).hasStatusOk();
        waitUntil("two attempts", Duration.ofSeconds(30),
                () -> fakeTwilio.requests("GET", FakeTwilio.pathOf(url)).size() >= 2);

        assertThat(jdbc.queryForObject("select state from text_media", String.class)).isEqualTo("PENDING");
        long messageId = jdbc.queryForObject("select id from text_messages where twilio_sid = ?", Long.class, sid);
        String page = mvc.get().uri("/texts/{id}", messageId).with(user(as(newCaseworker()))).exchange().getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(page).contains("Picture could not be fetched yet; TextDesk keeps trying.", ">Picture</span>");
    }

    private int count(String condition) {
        return jdbc.queryForObject("select count(*) from text_media where " + condition, Integer.class);
    }

    private byte[] content(String sid, int position) {
        return jdbc.queryForObject("""
                select f.content from text_media f join text_messages m on m.id = f.text_message_id
                where m.twilio_sid = ? and f.position = ?""", byte[].class, sid, position);
    }
}
