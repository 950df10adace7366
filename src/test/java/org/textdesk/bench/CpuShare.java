package org.textdesk.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the machine's CPU went during a run: the app process, this load-generating JVM, and PostgreSQL
 * (every postgres process, plus what the postmaster collected from backends that ended), read from
 * /proc before and after. On a box where all three share 2 cores, this says which one limits the rate.
 */
final class CpuShare {

    /** Linux's clock ticks per second for /proc/[pid]/stat (USER_HZ, 100 on every usual kernel). */
    private static final double TICKS_PER_SECOND = 100.0;

    private final long appPid;
    private final double appStart;
    private final double compilerStart;
    private final double loadStart;
    private final double postgresStart;

    private CpuShare(long appPid) {
        this.appPid = appPid;
        this.appStart = processSeconds(appPid, false);
        this.compilerStart = compilerSeconds(appPid);
        this.loadStart = loadSeconds();
        this.postgresStart = postgresSeconds();
    }

    static CpuShare start(long appPid) {
        return new CpuShare(appPid);
    }

    /** CPU milliseconds per request of each, for {@code requests} requests since start. */
    String perRequest(int requests) {
        double app = processSeconds(appPid, false) - appStart;
        double compiler = compilerSeconds(appPid) - compilerStart;
        double load = loadSeconds() - loadStart;
        double postgres = postgresSeconds() - postgresStart;
        return String.format(Locale.ROOT, "CPU per request: app %.3f ms (of which the JIT compiler %.3f ms),"
                + " PostgreSQL %.3f ms, load generator %.3f ms (CPU seconds %.1f / %.1f / %.1f)", app * 1000 / requests,
                compiler * 1000 / requests, postgres * 1000 / requests, load * 1000 / requests, app, postgres, load);
    }

    /** The share of the app's CPU since start that its JIT compiler threads used (0 to 1). */
    double compilerShare() {
        double app = processSeconds(appPid, false) - appStart;
        return app <= 0 ? 0 : (compilerSeconds(appPid) - compilerStart) / app;
    }

    /** HotSpot's C1 and C2 compiler threads ("C1 CompilerThre", "C2 CompilerThre" in /proc). */
    private static double compilerSeconds(long pid) {
        return threadSeconds(pid, "\\(C[12] CompilerThre.*");
    }

    /** CPU seconds of the app's threads whose name (as /proc shows it, in parentheses) matches, since start. */
    double threadSecondsSinceStart(String namePattern, double atStart) {
        return threadSeconds(appPid, namePattern) - atStart;
    }

    /** CPU seconds so far of the app's threads whose name (as /proc shows it, in parentheses) matches. */
    double threadSeconds(String namePattern) {
        return threadSeconds(appPid, namePattern);
    }

    private static double threadSeconds(long pid, String namePattern) {
        long ticks = 0;
        try (DirectoryStream<Path> threads = Files.newDirectoryStream(Path.of("/proc", String.valueOf(pid), "task"))) {
            for (Path thread : threads) {
                String[] stat = stat(thread);
                if (stat != null && stat[1].matches(namePattern)) {
                    ticks += ticks(stat, false);
                }
            }
        } catch (IOException | RuntimeException gone) {
            return Double.NaN;
        }
        return ticks / TICKS_PER_SECOND;
    }

    private static double loadSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    private static double postgresSeconds() {
        double total = 0;
        try (DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path process : processes) {
                String[] stat = stat(process);
                if (stat != null && stat[1].equals("(postgres)")) {
                    // The postmaster (parent not a postgres process) also holds the time of ended backends.
                    total += ticks(stat, true) / TICKS_PER_SECOND;
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return total;
    }

    private static double processSeconds(long pid, boolean withChildren) {
        String[] stat = stat(Path.of("/proc", String.valueOf(pid)));
        return stat == null ? Double.NaN : ticks(stat, withChildren) / TICKS_PER_SECOND;
    }

    /** utime + stime (fields 14, 15), and cutime + cstime (16, 17) of reaped children when asked. */
    private static long ticks(String[] stat, boolean withChildren) {
        long ticks = Long.parseLong(stat[13]) + Long.parseLong(stat[14]);
        if (withChildren) {
            ticks += Long.parseLong(stat[15]) + Long.parseLong(stat[16]);
        }
        return ticks;
    }

    private static String[] stat(Path process) {
        try {
            String line = Files.readString(process.resolve("stat"));
            int nameEnd = line.lastIndexOf(')');
            String name = line.substring(line.indexOf('('), nameEnd + 1);
            String[] rest = line.substring(nameEnd + 2).split(" ");
            String[] fields = new String[rest.length + 2];
            fields[0] = line.substring(0, line.indexOf(' '));
            fields[1] = name;
            System.arraycopy(rest, 0, fields, 2, rest.length);
            return fields;
        } catch (IOException | RuntimeException gone) {
            return null;
        }
    }
}
