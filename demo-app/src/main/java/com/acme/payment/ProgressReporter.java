package com.acme.payment;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryUsage;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/** Prints one line at a fixed interval with the request counts, the request rate and the heap in use. */
public final class ProgressReporter implements AutoCloseable {
    private static final long BYTES_PER_MB = 1024 * 1024;

    private final PrintStream out;
    private final LongSupplier succeeded;
    private final LongSupplier failed;
    private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    private final long startNanos = System.nanoTime();
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(new ServiceThreads("progress"));
    private long lastNanos = startNanos;
    private long lastTotal;

    private ProgressReporter(PrintStream out, LongSupplier succeeded, LongSupplier failed) {
        this.out = out;
        this.succeeded = succeeded;
        this.failed = failed;
    }

    /** Starts printing to {@code out} every {@code interval}, counting requests with the two suppliers. */
    public static ProgressReporter start(PrintStream out, LongSupplier succeeded, LongSupplier failed,
            Duration interval) {
        ProgressReporter reporter = new ProgressReporter(out, succeeded, failed);
        long millis = interval.toMillis();
        reporter.timer.scheduleAtFixedRate(ServiceThreads.reportingFailures(reporter::report), millis, millis,
                TimeUnit.MILLISECONDS);
        return reporter;
    }

    /** Seconds since the reporter started. */
    public long elapsedSeconds() {
        return TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - startNanos);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }

    private void report() {
        long now = System.nanoTime();
        long ok = succeeded.getAsLong();
        long bad = failed.getAsLong();
        double seconds = (now - lastNanos) / 1e9;
        long perSecond = seconds > 0 ? Math.round((ok + bad - lastTotal) / seconds) : 0;
        lastNanos = now;
        lastTotal = ok + bad;
        MemoryUsage heap = memory.getHeapMemoryUsage();
        out.println("[payment] " + elapsedSeconds() + "s: requests ok=" + ok + " failed=" + bad + " (" + perSecond
                + "/s), heap used " + heap.getUsed() / BYTES_PER_MB + " MB of " + heap.getMax() / BYTES_PER_MB + " MB");
    }
}
