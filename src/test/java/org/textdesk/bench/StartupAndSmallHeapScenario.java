package org.textdesk.bench;

import static org.textdesk.bench.BenchFixtures.startApp;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Scenario 5: app starts to health UP, each recorded by {@link BenchFixtures#startApp} for the startup list
 * (embedded H2 and PostgreSQL, plain and with a class data sharing archive), then scenario 1 again with
 * -Xmx256m, to show that the app holds the load in a small heap.
 */
final class StartupAndSmallHeapScenario {

    private StartupAndSmallHeapScenario() {
    }

    static void run() throws Exception {
        Path dataDir = Files.createTempDirectory("textdesk-bench-h2");
        for (int run = 1; run <= 2; run++) {
            try (BenchApp embedded = startApp("embedded-" + run, null, List.of(), dataDir)) {
                // the second start reuses the H2 file the first one created and seeded
            }
        }
        for (int run = 1; run <= 2; run++) {
            BenchDb.recreate("textdesk_bench");
            try (BenchApp postgres = startApp("postgres-" + run, "textdesk_bench", List.of())) {
                // startup figures recorded by startApp
            }
        }
        BenchApp.Cds cds = BenchApp.withCds();
        Path cdsDataDir = Files.createTempDirectory("textdesk-bench-h2-cds");
        for (int run = 1; run <= 2; run++) {
            try (BenchApp embedded = startApp("embedded-cds-" + run, null, List.of(cds.jvmOption()), cdsDataDir,
                    cds.jar())) {
                // the second start reuses the H2 file the first one created and seeded
            }
        }
        // The embedded default is the try-it-out launch: C1 only, as spring-boot:run used to start (optimizedLaunch)
        Path quickDataDir = Files.createTempDirectory("textdesk-bench-h2-quick");
        for (int run = 1; run <= 2; run++) {
            try (BenchApp embedded = startApp("embedded-cds-c1-" + run, null,
                    List.of(cds.jvmOption(), "-XX:TieredStopAtLevel=1"), quickDataDir, cds.jar())) {
                // the second start reuses the H2 file the first one created and seeded
            }
        }
        BenchDb.recreate("textdesk_bench");
        try (BenchApp postgres = startApp("postgres-cds", "textdesk_bench", List.of(cds.jvmOption()), null,
                cds.jar())) {
            // startup figures recorded by startApp
        }
        StatusCallbackScenario.run("5. Status callbacks with -Xmx256m", "textdesk_bench", List.of("-Xmx256m"), false);
    }
}
