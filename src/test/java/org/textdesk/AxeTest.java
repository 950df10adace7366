package org.textdesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/** The axe-core check finds faults when there are some, so a screen passing it means something. */
class AxeTest {

    @Test
    void aPageWithAnUnlabelledInputAndAButtonWhoseNameHidesItsWordsFails() {
        try (BrowserContext context = Browsers.chromium().newContext()) {
            Axe.enable(context);
            Page page = context.newPage();
            page.navigate("data:text/html,<!DOCTYPE html><html lang=en><head><title>t</title></head><body><main>"
                    + "<h1>Form</h1><input type=text><button aria-label=\"Quick Entry 4\">Move up</button></main>"
                    + "</body></html>");
            assertThat(Axe.violations(page)).anySatisfy(violation -> assertThat(violation).startsWith("label "))
                    .anySatisfy(violation -> assertThat(violation).startsWith("label-content-name-mismatch "));
        }
    }
}
