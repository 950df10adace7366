package org.textdesk;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * One headless Chromium for the whole run, driven by Playwright. Which one: CHROMIUM_PATH when set; else a
 * Chromium or Chrome installed on the machine; else the browser Playwright downloads for itself. When none
 * can be had, every browser test fails with {@link #NO_BROWSER} (never skips), and only the first one waits.
 */
public final class Browsers {

    static final String NO_BROWSER = """
            TextDesk's browser tests need Chromium or Chrome, and none could be started. Either
              1. set CHROMIUM_PATH to a Chromium or Chrome executable, or
              2. install one where it is usually found (Debian/Ubuntu: apt-get install chromium; \
            searched: %s and chromium, chromium-browser, google-chrome, google-chrome-stable on the PATH), or
              3. let Playwright download its own Chromium (needs internet access; it is not downloaded \
            when PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD is set).""";

    /** Where Chromium and Chrome are installed on Linux and macOS, checked before the PATH. */
    static final List<String> USUAL_PLACES = List.of(
            "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome",
            "/usr/bin/google-chrome-stable", "/snap/bin/chromium", "/opt/google/chrome/chrome",
            "/Applications/Chromium.app/Contents/MacOS/Chromium",
            "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome");

    static final List<String> NAMES_ON_PATH = List.of(
            "chromium", "chromium-browser", "google-chrome", "google-chrome-stable");

    private static Playwright playwright;
    private static Browser chromium;
    private static IllegalStateException failure;

    private Browsers() {
    }

    public static synchronized Browser chromium() {
        if (failure != null) {
            throw failure;
        }
        if (chromium == null) {
            try {
                chromium = launch();
            } catch (RuntimeException cannotLaunch) {
                closePlaywright();
                failure = new IllegalStateException(noBrowserMessage() + "\n" + firstLine(cannotLaunch), cannotLaunch);
                throw failure;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                chromium.close();
                playwright.close();
            }));
        }
        return chromium;
    }

    private static Browser launch() {
        Optional<Path> executable = executable(System.getenv(), Files::isExecutable);
        Map<String, String> driverEnvironment = new HashMap<>();
        if (executable.isPresent()) {
            // A browser of the machine's own: nothing to download.
            driverEnvironment.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        }
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(driverEnvironment));
        BrowserType.LaunchOptions options = new BrowserType.LaunchOptions()
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"));
        executable.ifPresent(options::setExecutablePath);
        return playwright.chromium().launch(options);
    }

    /**
     * The browser to launch: CHROMIUM_PATH (even when it is wrong, so that a mistake shows), else the first
     * usual place or name on the PATH that is executable; empty means Playwright's own browser.
     */
    static Optional<Path> executable(Map<String, String> environment, Predicate<Path> isExecutable) {
        String given = environment.get("CHROMIUM_PATH");
        if (given != null && !given.isBlank()) {
            return Optional.of(Paths.get(given));
        }
        List<Path> candidates = new ArrayList<>();
        USUAL_PLACES.forEach(place -> candidates.add(Paths.get(place)));
        String path = environment.getOrDefault("PATH", "");
        for (String directory : path.split(File.pathSeparator)) {
            if (!directory.isBlank()) {
                NAMES_ON_PATH.forEach(name -> candidates.add(Paths.get(directory, name)));
            }
        }
        return candidates.stream().filter(isExecutable).findFirst();
    }

    /** Playwright's errors carry the driver's stack; its message line is what a person needs. */
    private static String firstLine(RuntimeException cannotLaunch) {
        String message = String.valueOf(cannotLaunch.getMessage());
        return message.lines().map(String::strip).filter(line -> line.startsWith("message="))
                .findFirst().orElse(message.lines().findFirst().orElse(message));
    }

    static String noBrowserMessage() {
        return NO_BROWSER.formatted(String.join(", ", USUAL_PLACES));
    }

    private static void closePlaywright() {
        if (playwright != null) {
            try {
                playwright.close();
            } catch (RuntimeException alreadyGone) {
                // the driver never started: nothing to close
            }
            playwright = null;
        }
    }

    /** Saves a full-page screenshot under target/screenshots so a person can look at the screen. */
    public static Path screenshot(Page page, String name) {
        Path file = Paths.get(System.getProperty("screenshots.dir", "target/screenshots"), name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }
}
