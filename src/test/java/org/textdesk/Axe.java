package org.textdesk;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * axe-core (src/test/resources/axe/axe.min.js, from the npm registry) in the browser tests. It is added to
 * every page of a context as an init script, which the browser runs outside the page's Content Security
 * Policy, so the policy stays as strict in the test as in production.
 */
public final class Axe {

    private static final String RUN = """
            async () => {
              const results = await axe.run(document, {resultTypes: ['violations'],
                  rules: {'label-content-name-mismatch': {enabled: true}}});
              return results.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at '
                  + v.nodes.map(n => n.target.join(' ') + ' [' + n.failureSummary.replace(/\\s+/g, ' ') + ']')
                      .join('; '));
            }""";

    private Axe() {
    }

    /** Makes axe-core available on every page the context opens from now on. */
    public static void enable(BrowserContext context) {
        context.addInitScript(script());
    }

    /** Every axe-core violation on the page as it is now, one line each: rule, impact, help and where. */
    @SuppressWarnings("unchecked")
    public static List<String> violations(Page page) {
        return (List<String>) page.evaluate(RUN);
    }

    private static Path script() {
        try {
            return Paths.get(Axe.class.getResource("/axe/axe.min.js").toURI());
        } catch (URISyntaxException | NullPointerException missing) {
            throw new IllegalStateException("src/test/resources/axe/axe.min.js is missing", missing);
        }
    }
}
