package org.textdesk.media;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.textdesk.media.MediaFixtures.waitUntil;

import com.microsoft.playwright.Locator;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.textdesk.BrowserTest;
import org.textdesk.Browsers;
import org.textdesk.TwilioWebhookRequests;
import org.textdesk.client.Client;
import org.textdesk.client.ClientFixture;
import org.textdesk.client.ClientService;
import org.textdesk.staff.Staff;
import org.textdesk.twiliosetup.TwilioSetupFixture;

/** A client texts a photo: the caseworker sees it as a thumbnail on the client's Texts and opens it full size. */
class PicturesBrowserTest extends BrowserTest {

    @Autowired
    ClientService clientService;

    @Test
    void theTextsPageShowsAPictureThumbnailThatOpensFullSize() throws IOException {
        Staff casey = newCaseworker();
        configureTwilio();
        Client jordan = ClientFixture.client("Jordan", "Avery").cell("404", "538-7319").safe(true).okayToText(true)
                .create(clientService, as(casey));
        byte[] photo = photo(320, 240);
        String sid = MediaFixtures.newMmsSid();
        String url = fakeTwilio.serveMedia(TwilioSetupFixture.ACCOUNT_SID, sid, "image/png", photo, true);
        assertThat(TwilioWebhookRequests.post(mvc, "/twilio/sms", MediaFixtures.incomingWithMedia(sid, "+14045387319",
                "", List.of(url), List.of("image/png")))).hasStatusOk();
        waitUntil("the picture kept", Duration.ofSeconds(30), () -> jdbc.queryForObject(
                "select count(*) from text_media where state = 'STORED'", Integer.class) == 1);

        logIn(casey);
        page.navigate(baseUrl() + "/clients/" + jordan.getId() + "/texts");
        Locator thumbnail = page.locator("table.texts img.thumbnail");
        assertThat(thumbnail).isVisible();
        assertThat(page.locator("table.texts .pictures-only")).hasText("Picture");
        page.waitForFunction("img => img.complete && img.naturalWidth > 0", thumbnail.elementHandle());
        assertThat(thumbnail.evaluate("img => img.naturalWidth")).as("the stored picture loaded").isEqualTo(320);
        assertThat(((Number) thumbnail.evaluate("img => img.getBoundingClientRect().width")).doubleValue())
                .as("shown as a thumbnail").isLessThanOrEqualTo(130);
        Browsers.screenshot(page, "texts-picture");

        thumbnail.click();
        page.waitForURL(Pattern.compile(".*/media/\\d+$"));
        assertThat(page.locator("img")).hasCount(1);
    }

    /** A photo-like PNG: a sky, a ground and a sun. */
    private static byte[] photo(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(0x8ec5ff));
        graphics.fillRect(0, 0, width, height);
        graphics.setColor(new Color(0x4c9a2a));
        graphics.fillRect(0, height * 2 / 3, width, height / 3);
        graphics.setColor(new Color(0xffd23f));
        graphics.fillOval(width - 90, 20, 60, 60);
        graphics.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
    }
}
