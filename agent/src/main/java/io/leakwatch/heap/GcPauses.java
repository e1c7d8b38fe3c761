package io.leakwatch.heap;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

import io.leakwatch.stats.Distribution;

/**
 * The duration of every collection, per collector, from GC notifications. For the stop-the-world
 * collectors this is the pause; for the concurrent ones' cycle beans ({@code ZGC Cycles},
 * {@code G1 Concurrent GC}) it is the cycle, which the collector's name makes plain.
 */
public final class GcPauses implements NotificationListener {

    private final Map<String, Collector> collectors = new ConcurrentHashMap<>();

    /** Subscribes to every collector for the JVM's lifetime. */
    public void start() {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            collectors.put(collector.getName(), new Collector());
            if (collector instanceof NotificationEmitter) {
                ((NotificationEmitter) collector).addNotificationListener(this, null, null);
            }
        }
    }

    @Override
    public void handleNotification(Notification notification, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        try {
            GarbageCollectionNotificationInfo info =
                    GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
            Collector collector = collectors.get(info.getGcName());
            if (collector != null) {
                collector.count.incrementAndGet();
                collector.durations.recordMicros(info.getGcInfo().getDuration() * 1000);
            }
        } catch (RuntimeException e) {
            // A malformed notification is not worth disturbing the JVM's notification thread.
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
