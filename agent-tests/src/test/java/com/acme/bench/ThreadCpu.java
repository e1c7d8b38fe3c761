package com.acme.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The CPU time of a process's threads by kind of thread (GC, JIT compiler, the agent's sampler, ...), read from
 * Linux's {@code /proc/<pid>/task}: where an arm of the churn and end-to-end benchmarks spends the CPU that is not
 * its loop's or its requests'. Clock ticks of 10 ms, so a figure means something summed over seconds, not per
 * collection. Empty where there is no {@code /proc}.
 */
public final class ThreadCpu {

    private static final double MILLIS_PER_TICK = 10;
    /** Which field of {@code /proc/<pid>/task/<tid>/stat}, counted after the thread's name, holds user time. */
    private static final int UTIME_AFTER_NAME = 12;

    private final Map<String, Long> ticksByKind;

    private ThreadCpu(Map<String, Long> ticksByKind) {
        this.ticksByKind = ticksByKind;
    }

    /** This process's threads. */
    static ThreadCpu read() {
        return read(Path.of("/proc/self/task"));
    }

    /** The threads of process {@code pid}, such as a JVM this one started. */
    public static ThreadCpu of(long pid) {
        return read(Path.of("/proc", Long.toString(pid), "task"));
    }

    private static ThreadCpu read(Path taskFolder) {
        Map<String, Long> ticks = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(taskFolder)) {
            for (Path task : tasks.collect(Collectors.toList())) {
                readTask(task, ticks);
            }
        } catch (IOException | RuntimeException notLinux) {
            return new ThreadCpu(Map.of());
        }
        return new ThreadCpu(ticks);
    }

    private static void readTask(Path task, Map<String, Long> ticks) {
        String stat;
        try {
            stat = Files.readString(task.resolve("stat"));
        } catch (IOException threadEnded) {
            return;
        }
        int nameStart = stat.indexOf('(');
        int nameEnd = stat.lastIndexOf(')');
        String[] fields = stat.substring(nameEnd + 2).trim().split(" ");
        long used = Long.parseLong(fields[UTIME_AFTER_NAME - 1]) + Long.parseLong(fields[UTIME_AFTER_NAME]);
        ticks.merge(kind(stat.substring(nameStart + 1, nameEnd)), used, Long::sum);
    }

    /** A thread's name without its number, so that "GC Thread#0" and "GC Thread#1" are one kind. */
    private static String kind(String threadName) {
        return threadName.replaceAll("#?\\d+$", "").trim().replace(' ', '_');
    }

    /** What each kind used since {@code earlier}, in milliseconds, largest first. */
    public String minus(ThreadCpu earlier) {
        return ticksByKind.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - earlier.ticksByKind.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> e.getKey() + "=" + Math.round(e.getValue() * MILLIS_PER_TICK))
                .collect(Collectors.joining(" "));
    }
}
