package org.textdesk;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/** One headless Debian Chromium for the whole run, driven by Playwright without downloading a browser. */
public final class Browsers {

    private static Playwright playwright;
    private static Browser chromium;

    private Browsers() {
    }

    public static synchronized Browser chromium() {
        if (chromium == null) {
            playwright = Playwright.create();
            String executable = System.getenv().getOrDefault("CHROMIUM_PATH", "/usr/bin/chromium");
            chromium = playwright.chromium().launch(new BrowserType.LaunchOptions()
                    .setExecutablePath(Paths.get(executable))
                    .setHeadless(true)
                    .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic")));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                chromium.close();
                playwright.close();
            }));
        }
        return chromium;
    }

    /** Saves a full-page screenshot under target/screenshots so a person can look at the screen. */
    public static Path screenshot(Page page, String name) {
        Path file = Paths.get(System.getProperty("screenshots.dir", "target/screenshots"), name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }
}
