package com.acme.bench;

import java.lang.instrument.Instrumentation;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.util.concurrent.atomic.AtomicLong;

import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;

/**
 * A Java agent that only does what a GC metrics library does (Micrometer's {@code JvmGcMetrics}, which Spring Boot's
 * Actuator turns on, or OpenTelemetry's runtime metrics): it listens to every collector's notifications and reads each
 * one through the platform's mapping, its duration and every pool's usage. Any such listener makes the JVM build a
 * notification at every collection, as leakwatch's does; a churn arm measured against this one tells what leakwatch
 * costs a service that pays for that already.
 */
public final class GcMetricsAgent {

    /** Set by {@link #premain}. */
    public static final String RAN_PROPERTY = "bench.gcMetricsAgent.ran";
    /** What {@code AgentEvidence} adds, before the count, when the property is set. */
    public static final String EVIDENCE = "; a GC metrics listener read ";
    private static final AtomicLong READ = new AtomicLong();
    /** Where the readings go, so that the JIT cannot drop them as unused. */
    private static volatile long sink;

    private GcMetricsAgent() {
    }

    public static void premain(String argument, Instrumentation instrumentation) {
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener(
                    (notification, handback) -> read(notification), null, null);
        }
        System.setProperty(RAN_PROPERTY, "true");
    }

    private static void read(Notification notification) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info =
                GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
        GcInfo gc = info.getGcInfo();
        long bytes = gc.getDuration() + info.getGcName().length() + info.getGcAction().length();
        for (MemoryUsage usage : gc.getMemoryUsageBeforeGc().values()) {
            bytes += usage.getUsed();
        }
        for (MemoryUsage usage : gc.getMemoryUsageAfterGc().values()) {
            bytes += usage.getUsed();
        }
        sink = bytes;
        READ.incrementAndGet();
    }

    /** The notifications read so far. */
    public static long collectionsRead() {
        return READ.get();
    }
}
