package org.textdesk.texts;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.textdesk.Generated;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.textdesk.Browsers;

/**
 * The browser's counter (static/js/sms-counter.js) and SmsText agree on generated texts, not only on
 * the shared cases: 2,000 texts of {@link TypedTexts}, measured and cut in Chromium in one call, and
 * by the server's rule.
 */
class SmsCounterAgreementPropertyTest {

    private static BrowserContext browser;
    private static Page page;

    @BeforeAll
    static void loadTheCounterIntoChromium() {
        browser = Browsers.chromium().newContext();
        page = browser.newPage();
        page.addScriptTag(new Page.AddScriptTagOptions().setContent(counterScript()));
    }

    @AfterAll
    static void closeChromium() {
        browser.close();
    }

    @Test
    void theBrowserAndTheServerMeasureAndCutEveryTextAlike() {
        List<String> texts = Generated.inputs(9101, 2000, TypedTexts::typedText);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> inBrowser = (List<Map<String, Object>>) page.evaluate("""
                texts => texts.map(t => {
                  const m = TextDeskSms.measure(t);
                  const c = TextDeskSms.cutToOneSegment(t);
                  return {text: m.text, encoding: m.encoding, used: m.used, limit: m.limit, fits: m.fits,
                          firstNonGsm: m.firstNonGsm, cutText: c.text, cutUsed: c.used, cutEncoding: c.encoding};
                })""", texts);
        assertThat(inBrowser).hasSameSizeAs(texts);
        SoftAssertions softly = new SoftAssertions();
        for (int i = 0; i < texts.size(); i++) {
            String typed = texts.get(i);
            Map<String, Object> browser = inBrowser.get(i);
            SmsText server = SmsText.of(typed);
            SmsText serverCut = server.cutToOneSegment();
            String which = "text " + i + " " + Generated.escaped(typed);
            softly.assertThat(browser.get("text")).as(which).isEqualTo(server.text());
            softly.assertThat(browser.get("encoding")).as(which).isEqualTo(server.encoding().name());
            softly.assertThat(number(browser.get("used"))).as(which).isEqualTo(server.used());
            softly.assertThat(number(browser.get("limit"))).as(which).isEqualTo(server.limit());
            softly.assertThat(browser.get("fits")).as(which).isEqualTo(server.fitsOneSegment());
            softly.assertThat(browser.get("firstNonGsm")).as(which).isEqualTo(server.firstNonGsmCharacter());
            softly.assertThat(browser.get("cutText")).as(which).isEqualTo(serverCut.text());
            softly.assertThat(number(browser.get("cutUsed"))).as(which).isEqualTo(serverCut.used());
            softly.assertThat(browser.get("cutEncoding")).as(which).isEqualTo(serverCut.encoding().name());
        }
        softly.assertAll();
    }

    private static int number(Object value) {
        return ((Number) value).intValue();
    }

    private static String counterScript() {
        try (InputStream script = SmsCounterAgreementPropertyTest.class.getResourceAsStream("/static/js/sms-counter.js")) {
            return new String(script.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
