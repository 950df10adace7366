package org.textdesk.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * Warm-up until the app's JIT compiler is quiet. After a fixed warm-up of a few thousand webhooks, C2 still
 * compiled through the measured run and took a third of the app's CPU on the 2 shared cores; a server that
 * has run for minutes has long finished. So: rounds of fresh requests until the compiler threads used less
 * than {@value #QUIET_PERCENT}% of the app's CPU in a round (at most {@code bench.warmup.rounds}, default 20),
 * each round a row of the table with its compiler share.
 */
final class Warmup {

    static final int QUIET_PERCENT = 5;

    private Warmup() {
    }

    /** {@code round.apply(r)} gives round r's requests (r from 1), fresh ones each round. */
    static List<Load.Result> untilJitQuiet(BenchApp app, String name, int threads, IntFunction<List<Load.Request>> round)
            throws InterruptedException {
        int maxRounds = maxRounds();
        List<Load.Result> rounds = new ArrayList<>();
        for (int r = 1; r <= maxRounds; r++) {
            CpuShare cpu = CpuShare.start(app.pid());
            Load.Result result = Load.run(name, threads, round.apply(r));
            double compiler = cpu.compilerShare();
            rounds.add(new Load.Result(String.format(Locale.ROOT, "%s, round %d (JIT compiler %.0f%% of the app's CPU)",
                    name, r, compiler * 100), result.threads(), result.requests(), result.seconds(),
                    result.sortedNanos(), result.errors()));
            if (compiler * 100 < QUIET_PERCENT) {
                break;
            }
        }
        return rounds;
    }

    static int maxRounds() {
        return Integer.getInteger("bench.warmup.rounds", 20);
    }
}
