package org.textdesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue 8's benchmarks against the packaged app on PostgreSQL, run only by {@code ./mvnw -Pbench verify}
 * (see src/docs/performance.md). Each scenario starts the jar on a fresh database, loads it over loopback from
 * a thread pool of JDK HttpClients, prints its table and checks the exact final state. The scenarios are one
 * class each; this class stays the one entry point, so that {@code -Dbench.test=TextDeskBenchmark#<scenario>}
 * picks one and results.md gets its machine header once and the startup list at the end.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TextDeskBenchmark {

    @BeforeAll
    static void header() throws IOException {
        Files.createDirectories(Path.of("target", "bench"));
        Files.deleteIfExists(Path.of("target", "bench", "results.md"));
        String machine = "nproc " + Runtime.getRuntime().availableProcessors() + ", memory "
                + memTotalMiB() + " MiB, Java " + System.getProperty("java.version") + ", PostgreSQL "
                + BenchDb.HOST + ":" + BenchDb.PORT + "; load average at start " + Load.loadAverage();
        Load.report("Machine", List.of(), List.of(machine));
    }

    @AfterAll
    static void startups() {
        Load.report("Startup to ready and resident memory (every app start of this run)", List.of(),
                List.copyOf(BenchFixtures.STARTUPS));
    }

    @Test
    @Order(1)
    void statusCallbacks() throws Exception {
        StatusCallbackScenario.run("1. Status callbacks", "textdesk_bench", List.of(), true);
    }

    @Test
    @Order(2)
    void incomingTexts() throws Exception {
        IncomingTextScenario.run();
    }

    @Test
    @Order(3)
    void sending() throws Exception {
        SendingScenario.run();
    }

    @Test
    @Order(4)
    void pagesAtScale() throws Exception {
        PagesAtScaleScenario.run();
    }

    @Test
    @Order(6)
    void liveStreams() throws Exception {
        LiveStreamsScenario.run();
    }

    @Test
    @Order(5)
    void startupAndSmallHeap() throws Exception {
        StartupAndSmallHeapScenario.run();
    }

    @Test
    @Order(6)
    void reminders() throws Exception {
        RemindersScenario.run();
    }

    private static long memTotalMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException e) {
            return -1;
        }
        return -1;
    }
}
