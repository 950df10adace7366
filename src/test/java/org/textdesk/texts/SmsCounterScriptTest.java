package org.textdesk.texts;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.textdesk.BrowserTest;

/** The browser's counter (static/js/sms-counter.js) agrees with SmsText on every shared case, in Chromium. */
class SmsCounterScriptTest extends BrowserTest {

    @BeforeEach
    void loadTheScript() {
        page.navigate(baseUrl() + "/login");
        page.addScriptTag(new com.microsoft.playwright.Page.AddScriptTagOptions().setUrl(baseUrl() + "/js/sms-counter.js"));
    }

    @Test
    void measuresAndCutsEverySharedCaseLikeTheServer() {
        List<SmsLengthCase> cases = SmsLengthCase.all();
        for (SmsLengthCase c : cases) {
            @SuppressWarnings("unchecked")
            Map<String, Object> measured = (Map<String, Object>) page.evaluate("t => TextDeskSms.measure(t)", c.typed());
            @SuppressWarnings("unchecked")
            Map<String, Object> cut = (Map<String, Object>) page.evaluate("t => TextDeskSms.cutToOneSegment(t)", c.typed());
            SmsText server = SmsText.of(c.typed());
            SmsText serverCut = server.cutToOneSegment();

            assertThat(measured.get("encoding")).as(c.name()).isEqualTo(c.encoding());
            assertThat(((Number) measured.get("used")).intValue()).as(c.name()).isEqualTo(c.used());
            assertThat(((Number) measured.get("limit")).intValue()).as(c.name()).isEqualTo(c.limit());
            assertThat(measured.get("fits")).as(c.name()).isEqualTo(c.fits());
            assertThat(measured.get("text")).as(c.name()).isEqualTo(server.text());
            if (c.firstNonGsm() != null) {
                assertThat(measured.get("firstNonGsm")).as(c.name()).isEqualTo(c.firstNonGsm());
            }
            assertThat(cut.get("text")).as(c.name()).isEqualTo(serverCut.text());
            assertThat(((Number) cut.get("used")).intValue()).as(c.name())
                    .isEqualTo(c.cutUsed() != null ? c.cutUsed() : c.used());
        }
    }
}
