package org.textdesk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which browser the browser tests use, on machines set up in different ways (no browser is started). */
class BrowsersTest {

    @Test
    void chromiumPathComesFirstEvenWhenAnotherBrowserIsInstalled() {
        assertThat(Browsers.executable(Map.of("CHROMIUM_PATH", "/opt/my/chrome", "PATH", "/usr/bin"),
                installed("/usr/bin/chromium")))
                .contains(Path.of("/opt/my/chrome"));
    }

    @Test
    void aWrongChromiumPathIsKeptSoThatTheMistakeShows() {
        assertThat(Browsers.executable(Map.of("CHROMIUM_PATH", "/nowhere/chromium"), installed("/usr/bin/chromium")))
                .contains(Path.of("/nowhere/chromium"));
    }

    @Test
    void withoutChromiumPathTheDebianChromiumIsFound() {
        assertThat(Browsers.executable(Map.of("PATH", "/usr/local/bin:/usr/bin"), installed("/usr/bin/chromium")))
                .contains(Path.of("/usr/bin/chromium"));
    }

    @Test
    void googleChromeIsFoundWhenThereIsNoChromium() {
        assertThat(Browsers.executable(Map.of("CHROMIUM_PATH", " ", "PATH", "/usr/bin"),
                installed("/usr/bin/google-chrome-stable")))
                .contains(Path.of("/usr/bin/google-chrome-stable"));
    }

    @Test
    void aChromiumOnThePathIsFound() {
        assertThat(Browsers.executable(Map.of("PATH", "/home/me/bin:/usr/bin"), installed("/home/me/bin/chromium")))
                .contains(Path.of("/home/me/bin/chromium"));
    }

    @Test
    void withNoBrowserOnTheMachinePlaywrightsOwnIsUsed() {
        assertThat(Browsers.executable(Map.of("PATH", "/usr/bin:/bin"), installed())).isEmpty();
    }

    @Test
    void theMessageWhenNoBrowserCanBeHadNamesTheThreeWays() {
        assertThat(Browsers.noBrowserMessage()).contains(
                "1. set CHROMIUM_PATH",
                "2. install one where it is usually found (Debian/Ubuntu: apt-get install chromium; searched: "
                        + "/usr/bin/chromium, /usr/bin/chromium-browser",
                "3. let Playwright download its own Chromium");
    }

    private static java.util.function.Predicate<Path> installed(String... executables) {
        Set<Path> present = Set.of(java.util.Arrays.stream(executables).map(Path::of).toArray(Path[]::new));
        return present::contains;
    }
}
