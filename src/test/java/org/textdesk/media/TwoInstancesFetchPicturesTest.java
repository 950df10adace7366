package org.textdesk.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.textdesk.media.MediaFixtures.incomingWithMedia;
import static org.textdesk.media.MediaFixtures.newMmsSid;
import static org.textdesk.media.MediaFixtures.waitUntil;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.textdesk.FakeTwilio;
import org.textdesk.IntegrationTest;
import org.textdesk.SecondInstance;
import org.textdesk.TwilioWebhookRequests;
import org.textdesk.inbox.IncomingTexts;
import org.textdesk.twiliosetup.TwilioSetupFixture;

/**
 * Two TextDesk instances on one database fetch the pictures, each picture once, whichever instance's scheduler runs
 * the fetch job; a claim left by an instance killed mid-fetch (kill -9: its claim stays in the row) expires and
 * another instance takes the file; the fetch job itself, left marked as running by an instance killed mid-run, is
 * taken up by the clustered scheduler of another.
 */
class TwoInstancesFetchPicturesTest extends IntegrationTest {

    static final String ACCOUNT = TwilioSetupFixture.ACCOUNT_SID;

    @Autowired
    DataSource dataSource;

    @Autowired
    IncomingTexts incomingTexts;

    @BeforeEach
    void twoInstances() {
        configureTwilio();
        SecondInstance.shared(dataSource, TEST_ENCRYPTION_KEY, fakeTwilio.baseUrl());
    }

    @Test
    void eachPictureIsFetchedOnceWhateverInstanceTakesIt() {
        List<String> urls = new ArrayList<>();
        for (int text = 0; text < 4; text++) {
            String sid = newMmsSid();
            List<String> textUrls = new ArrayList<>();
            for (int n = 0; n < 3; n++) {
                String url = fakeTwilio.serveMedia(ACCOUNT, sid, "image/png", MediaFixtures.PNG, false);
                // slow enough that the job's runs overlap the texts' arrival
                fakeTwilio.answer("GET", "/media-host/" + url.substring(url.lastIndexOf('/') + 1),
                        FakeTwilio.Answer.file("image/png", MediaFixtures.PNG).delayedBy(Duration.ofMillis(300)));
                textUrls.add(url);
            }
            assertThat(TwilioWebhookRequests.post(mvc, "/twilio/sms", incomingWithMedia(sid, "+14045387319", "",
                    textUrls, List.of("image/png", "image/png", "image/png")))).hasStatusOk();
            urls.addAll(textUrls);
        }

        waitUntil("all 12 pictures kept", Duration.ofSeconds(60), () -> count("state = 'STORED'") == 12);

        for (String url : urls) {
            assertThat(fakeTwilio.requests("GET", FakeTwilio.pathOf(url))).as(url).hasSize(1);
        }
        assertThat(fakeTwilio.requests("GET", FakeTwilio.MEDIA_HOST_PATH)).hasSize(12);
    }

    @Test
    void aClaimOfAnInstanceKilledMidFetchExpiresAndAnotherInstanceFetchesTheFile() {
        String sid = newMmsSid();
        incomingTexts.receive(sid, "+14045387319", TwilioSetupFixture.TWILIO_NUMBER, "", null);
        long messageId = jdbc.queryForObject("select id from text_messages where twilio_sid = ?", Long.class, sid);
        String expired = fakeTwilio.serveMedia(ACCOUNT, sid, "image/png", MediaFixtures.PNG, false);
        String held = fakeTwilio.serveMedia(ACCOUNT, sid, "image/png", MediaFixtures.PNG, false);
        jdbc.update("""
                insert into text_media (text_message_id, position, twilio_url, declared_type, state, next_attempt_at,
                    claimed_by, claimed_until)
                values (?, 0, ?, 'image/png', 'PENDING', now(), 'instance-killed', now() - interval '1 second'),
                       (?, 1, ?, 'image/png', 'PENDING', now(), 'instance-busy', now() + interval '1 hour')""",
                messageId, expired, messageId, held);

        waitUntil("the file of the killed instance fetched", Duration.ofSeconds(30),
                () -> count("position = 0 and state = 'STORED'") == 1);
        try {
            Thread.sleep(2500); // another run of the job: the claim still held keeps its file untouched
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        assertThat(fakeTwilio.requests("GET", FakeTwilio.pathOf(expired))).hasSize(1);
        assertThat(fakeTwilio.requests("GET", FakeTwilio.pathOf(held))).isEmpty();
        assertThat(jdbc.queryForObject("select state from text_media where position = 1", String.class))
                .isEqualTo("PENDING");
    }

    @Test
    void theFetchJobLeftRunningByAnInstanceKilledMidRunIsTakenUpByAnotherInstance() {
        // kill -9 mid-run: the job's row stays picked by an instance whose heartbeats stopped two minutes ago
        waitUntil("the fetch job marked as running on a killed instance", Duration.ofSeconds(30), () -> jdbc.update("""
                update scheduled_tasks set picked = true, picked_by = 'textdesk-killed',
                    last_heartbeat = now() - interval '2 minutes', version = version + 1
                where task_name = 'media-fetch' and task_instance = 'recurring' and picked = false""") == 1);
        String sid = newMmsSid();
        String url = fakeTwilio.serveMedia(ACCOUNT, sid, "image/png", MediaFixtures.PNG, false);
        assertThat(TwilioWebhookRequests.post(mvc, "/twilio/sms", incomingWithMedia(sid, "+14045387319", "",
                List.of(url), List.of("image/png")))).hasStatusOk();

        // db-scheduler looks for dead runs every 20 s (twice the heartbeat) and revives the job at once
        waitUntil("the picture kept by the job taken up again", Duration.ofSeconds(60),
                () -> count("state = 'STORED'") == 1);
        assertThat(fakeTwilio.requests("GET", FakeTwilio.pathOf(url))).hasSize(1);
        assertThat(jdbc.queryForObject("""
                select picked_by from scheduled_tasks
                where task_name = 'media-fetch' and task_instance = 'recurring'""",
                String.class)).isNotEqualTo("textdesk-killed");
    }

    private int count(String condition) {
        return jdbc.queryForObject("select count(*) from text_media where " + condition, Integer.class);
    }
}
