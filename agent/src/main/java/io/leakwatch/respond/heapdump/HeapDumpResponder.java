package io.leakwatch.respond.heapdump;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.leakwatch.analysis.Alert;
import io.leakwatch.analysis.Severity;
import io.leakwatch.config.LeakwatchConfig;
import io.leakwatch.export.AlertSink;
import io.leakwatch.log.AgentLog;
import io.leakwatch.log.AgentThreads;
import io.leakwatch.log.SuppressedErrors;
import io.leakwatch.log.SuppressedErrors.Source;
import io.leakwatch.respond.FollowUpAlerts;

/**
 * Answers a CRITICAL alert with one dump of the heap's live objects ({@code heapdump.onCritical}), within a
 * budget: one at a time, at most one per {@link LeakwatchConfig#HEAP_DUMP_MIN_PERIOD_MILLIS}, only with room on
 * disk. The sampler thread only takes the budget's slot; the dump is written on the agent's own
 * {@code leakwatch-heap-dump} thread, never on an application thread, and the alert is then repeated with the
 * dump's path. What fails is said in one line and counted; the agent goes on.
 */
public final class HeapDumpResponder implements AlertSink {

    /** The dump thread ends when idle this long; it is needed at most once an hour. */
    private static final long IDLE_THREAD_MILLIS = 10_000;

    private final HeapDumpBudget budget;
    private final HeapDumpWriter writer;
    private final FollowUpAlerts followUps;
    private final LongSupplier monotonicMillis;
    private final ThreadPoolExecutor dumpThread;

    HeapDumpResponder(HeapDumpBudget budget, HeapDumpWriter writer, FollowUpAlerts followUps,
            LongSupplier monotonicMillis) {
        this.budget = budget;
        this.writer = writer;
        this.followUps = followUps;
        this.monotonicMillis = monotonicMillis;
        // One thread, and room for one task: the budget lets no second dump start while one is queued or running.
        this.dumpThread = new ThreadPoolExecutor(1, 1, IDLE_THREAD_MILLIS, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(1), new AgentThreads("heap-dump"));
        this.dumpThread.allowCoreThreadTimeOut(true);
    }

    /** The responder when {@code heapdump.onCritical} is set. */
    public static Optional<AlertSink> of(LeakwatchConfig config, FollowUpAlerts followUps) {
        if (!config.responses().heapDumpOnCritical()) {
            return Optional.empty();
        }
        Path dir = config.responses().heapDumpDir();
        DiskRoom room = new DiskRoom(() -> ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(),
                DiskRoom.fileStores());
        HeapDumpWriter writer = new HeapDumpWriter(dir, room, new OwnerOnlyFiles(dir.getFileSystem()),
                () -> LiveHeapDump.best(ManagementFactory.getPlatformMBeanServer()), ProcessHandle.current().pid());
        return Optional.of(new HeapDumpResponder(new HeapDumpBudget(LeakwatchConfig.HEAP_DUMP_MIN_PERIOD_MILLIS),
                writer, followUps, () -> TimeUnit.NANOSECONDS.toMillis(System.nanoTime())));
    }

    /** On the sampler thread: returns at once. */
    @Override
    public void deliver(Alert alert) {
        if (alert.severity() != Severity.CRITICAL) {
            return;
        }
        long now = monotonicMillis.getAsLong();
        if (!budget.tryStart(now)) {
            return;
        }
        try {
            dumpThread.execute(() -> dumpFor(alert, now));
        } catch (Throwable notStarted) {
            budget.finished(false, now);
            SuppressedErrors.count(Source.RESPONDER);
            AgentLog.once("heap-dump-thread", "no heap dump: its thread could not start (" + notStarted + ")");
        }
    }

    /** On the dump thread. */
    private void dumpFor(Alert alert, long startedMillis) {
        boolean called = true;
        try {
            warnOnceIfUnprotected();
            WrittenHeapDump dump = writer.write(Instant.now());
            AgentLog.line("heap dump written to " + dump.file() + " (" + Mebibytes.of(dump.bytes()) + " MiB, took "
                    + dump.pauseMillis() + " ms; the application paused for it)");
            followUps.repeat(alert.amend().heapDump(dump.file().toString()).build());
        } catch (HeapDumpRefused refused) {
            called = false;
            SuppressedErrors.count(Source.RESPONDER);
            AgentLog.line("no heap dump for the CRITICAL " + alert.kind().label() + " alert of " + alert.subject()
                    + ": " + refused.getMessage() + "; leakwatch goes on");
        } catch (Throwable failed) {
            SuppressedErrors.count(Source.RESPONDER);
            AgentLog.line("the heap dump for the CRITICAL " + alert.kind().label() + " alert of " + alert.subject()
                    + " failed (" + failed + "); leakwatch goes on");
        } finally {
            budget.finished(called, startedMillis);
        }
    }

    private void warnOnceIfUnprotected() {
        OwnerOnlyFiles.Protection protection = writer.protection();
        if (protection != OwnerOnlyFiles.Protection.POSIX) {
            AgentLog.once("heap-dump-protection", "heapdump.dir " + writer.dir()
                    + " is not on a POSIX file system: heap dumps are kept to their owner by "
                    + protection.description());
        }
    }
}
