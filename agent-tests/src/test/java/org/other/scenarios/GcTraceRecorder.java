package org.other.scenarios;

import java.io.FileWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.Locale;
import java.util.Map;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * Records what leakwatch's heap monitor is told of every collection, without leakwatch: runs a
 * {@link LibraryHeapShapes} shape for a number of seconds and writes one line per collection notification to a
 * file: milliseconds since start, the collector, its action, and the named pool's used bytes before and after
 * and its maximum; and a last line with the time it ended, and when the shape ran out of memory if it did. The agent's unit tests replay such traces through the heap judgement at many pass phases and
 * paces ({@code io.leakwatch.analysis.RecordedHeapTracesTest}).
 * <p>
 * Usage: {@code GcTraceRecorder <shape> <seconds> <out file> [pool, default "G1 Old Gen"]}
 */
public final class GcTraceRecorder {

    private static volatile long outOfMemoryAt = -1;
    /** Given back when the shape runs out of memory, so that the end of the trace can still be written. */
    private static volatile byte[] reserve = new byte[4 << 20];

    public static void main(String[] args) throws Exception {
        String shape = args[0];
        long seconds = Long.parseLong(args[1]);
        String pool = args.length > 3 ? args[3] : "G1 Old Gen";
        long start = System.nanoTime();
        try (PrintWriter out = new PrintWriter(new FileWriter(args[2]), true)) {
            out.printf("# shape %s, %s, java %s, %s%n", shape, pool, System.getProperty("java.version"),
                    ManagementFactory.getRuntimeMXBean().getInputArguments());
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
                            .from((CompositeData) notification.getUserData());
                    Map<String, MemoryUsage> before = info.getGcInfo().getMemoryUsageBeforeGc();
                    Map<String, MemoryUsage> after = info.getGcInfo().getMemoryUsageAfterGc();
                    if (before.containsKey(pool) && after.containsKey(pool)) {
                        synchronized (out) {
                            out.printf(Locale.ROOT, "%d\t%s\t%s\t%d\t%d\t%d%n", (System.nanoTime() - start) / 1_000_000,
                                    info.getGcName(), info.getGcAction(), before.get(pool).getUsed(),
                                    after.get(pool).getUsed(), after.get(pool).getMax());
                        }
                    }
                }, null, null);
            }
            Thread shapeThread = new Thread(() -> {
                try {
                    LibraryHeapShapes.main(new String[] {shape});
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (OutOfMemoryError e) {
                    reserve = null;
                    outOfMemoryAt = (System.nanoTime() - start) / 1_000_000;
                }
            }, "shape");
            shapeThread.setDaemon(true);
            shapeThread.start();
            shapeThread.join(seconds * 1000);
            synchronized (out) {
                out.printf("# end %d%s%n", (System.nanoTime() - start) / 1_000_000,
                        outOfMemoryAt >= 0 ? ", OutOfMemoryError at " + outOfMemoryAt : "");
            }
        }
        System.exit(0);
    }
}
