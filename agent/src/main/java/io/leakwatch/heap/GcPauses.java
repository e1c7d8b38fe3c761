package io.leakwatch.heap;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

import com.sun.management.GarbageCollectionNotificationInfo;

import io.leakwatch.stats.Distribution;

/**
 * The duration of every collection, per collector, from GC notifications. For the stop-the-world
 * collectors this is the pause; for the concurrent ones' cycle beans ({@code ZGC Cycles},
 * {@code G1 Concurrent GC}) it is the cycle, which the collector's name makes plain.
 */
public final class GcPauses {

    private final Map<String, Collector> collectors = new ConcurrentHashMap<>();

    /** Knows the JVM's collectors (a fixed set) and asks to be told of every collection. */
    public void start(GcNotifications notifications) {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            collectors.put(collector.getName(), new Collector());
        }
        notifications.observe(this::collected);
    }

    private void collected(GarbageCollectionNotificationInfo info) {
        Collector collector = collectors.get(info.getGcName());
        if (collector != null) {
            collector.count.incrementAndGet();
            collector.durations.recordMicros(info.getGcInfo().getDuration() * 1000);
        }
    }

    /** For each collector: its collections so far, and the durations since the previous call. */
    public void takeIntervals(BiConsumer<String, Reading> reader) {
        collectors.forEach((name, collector) ->
                reader.accept(name, new Reading(collector.count.get(), collector.durations.takeInterval())));
    }

    /** One collector's total collections and its latest interval of durations. */
    public static final class Reading {
        private final long totalCount;
        private final Distribution.Interval interval;

        Reading(long totalCount, Distribution.Interval interval) {
            this.totalCount = totalCount;
            this.interval = interval;
        }

        public long totalCount() {
            return totalCount;
        }

        public Distribution.Interval interval() {
            return interval;
        }
    }

    private static final class Collector {
        final AtomicLong count = new AtomicLong();
        final Distribution durations = new Distribution();
    }
}
