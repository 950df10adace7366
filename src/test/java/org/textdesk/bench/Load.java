package org.textdesk.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs requests from a fixed thread pool and measures each one; prints the table every scenario shows:
 * requests, throughput, p50/p95/p99/max latency, errors.
 */
final class Load {

    /** One request: true when its answer was the expected one; null when it was skipped (not counted). */
    @FunctionalInterface
    interface Request {
        Boolean call() throws Exception;
    }

    /** The figures of one run. */
    record Result(String name, int threads, int requests, double seconds, long[] sortedNanos, int errors) {

        double throughput() {
            return requests / seconds;
        }

        double percentileMs(double p) {
            if (sortedNanos.length == 0) {
                return 0;
            }
            int index = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
            return sortedNanos[Math.max(0, Math.min(index, sortedNanos.length - 1))] / 1e6;
        }

        double maxMs() {
            return sortedNanos.length == 0 ? 0 : sortedNanos[sortedNanos.length - 1] / 1e6;
        }

        String row() {
            return String.format(Locale.ROOT, "| %s | %d | %d | %.1f | %.0f | %.1f | %.1f | %.1f | %.1f | %d |", name,
                    threads, requests, seconds, throughput(), percentileMs(50), percentileMs(95), percentileMs(99),
                    maxMs(), errors);
        }
    }

    static final String HEADER = "| scenario | threads | requests | s | req/s | p50 ms | p95 ms | p99 ms | max ms | errors |\n"
            + "|---|---|---|---|---|---|---|---|---|---|";

    private Load() {
    }

    /** Closed loop: each thread sends its next request as soon as the last one answered; latency from its start. */
    static Result run(String name, int threads, List<Request> requests) throws InterruptedException {
        return measure(name, threads, requests, 0);
    }

    /**
     * Open loop: request i starts at {@code i / perSecond} seconds (a schedule, as people arrive, not as fast as
     * the app answers), on a pool of {@code threads}; each latency counts from the scheduled start, so time
     * spent waiting behind a slow answer is measured too (no coordinated omission).
     */
    static Result runAtRate(String name, int threads, List<Request> requests, double perSecond)
            throws InterruptedException {
        return measure(name, threads, requests, perSecond);
    }

    /** {@code perSecond} 0: closed loop. */
    private static Result measure(String name, int threads, List<Request> requests, double perSecond)
            throws InterruptedException {
        long[] nanos = new long[requests.size()];
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger firstErrorsShown = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime() + (perSecond > 0 ? 50_000_000L : 0);
        for (int i = 0; i < requests.size(); i++) {
            int index = i;
            Request request = requests.get(i);
            long scheduled = perSecond > 0 ? start + (long) (i * 1e9 / perSecond) : 0;
            pool.submit(() -> {
                long begin = scheduled;
                if (perSecond > 0) {
                    long wait = scheduled - System.nanoTime();
                    if (wait > 0) {
                        try {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                } else {
                    begin = System.nanoTime();
                }
                Boolean ok;
                try {
                    ok = request.call();
                } catch (Exception e) {
                    ok = false;
                    if (firstErrorsShown.incrementAndGet() <= 3) {
                        System.out.println("  error in " + name + ": " + e);
                    }
                }
                nanos[index] = ok == null ? -1 : System.nanoTime() - begin;
                if (ok != null && !ok) {
                    errors.incrementAndGet();
                }
            });
        }
        pool.shutdown();
        if (!pool.awaitTermination(30, TimeUnit.MINUTES)) {
            throw new IllegalStateException(name + " did not finish in 30 minutes");
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] counted = Arrays.stream(nanos).filter(n -> n >= 0).sorted().toArray();
        return new Result(name, threads, counted.length, seconds, counted, errors.get());
    }

    /** Prints (and appends to target/bench/results.md) a titled table of these results and notes. */
    static void report(String title, List<Result> results, List<String> notes) {
        StringBuilder out = new StringBuilder();
        out.append("\n### ").append(title).append("\n\n");
        if (!results.isEmpty()) {
            out.append(HEADER).append('\n');
            for (Result result : results) {
                out.append(result.row()).append('\n');
            }
            out.append('\n');
        }
        for (String note : notes) {
            out.append("- ").append(note).append('\n');
        }
        System.out.println(out);
        try {
            Path file = Path.of("target", "bench", "results.md");
            Files.createDirectories(file.getParent());
            Files.writeString(file, out.toString(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            System.out.println("cannot append to target/bench/results.md: " + e);
        }
    }

    /** The load averages of /proc/loadavg (1, 5, 15 minutes): what else ran on the machine. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }
}
