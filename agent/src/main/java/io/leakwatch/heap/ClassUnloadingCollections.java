package io.leakwatch.heap;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * Told of every collection by {@link GcNotifications}, counts those that unload the classes of dead
 * loaders: one the JVM started because class metadata reached its high-water mark ({@code Metadata GC
 * Threshold}, {@code Last ditch collection}), a full collection, a ZGC (major) cycle. G1's concurrent cycles
 * that the heap starts unload classes too but are not counted: JDK 17 does not report them, and JDK 20 and
 * later report each as two pauses. Until they have run, classes of released loaders are still counted in
 * Metaspace. The listener only records and returns: it runs on the JVM's notification thread.
 */
public final class ClassUnloadingCollections {

    private final AtomicLong count = new AtomicLong();

    public void start(GcNotifications notifications) {
        notifications.observe(this::collected);
    }

    private void collected(GarbageCollectionNotificationInfo info) {
        if (!CollectionKinds.reportsUsageAfterCollection(info.getGcAction())) {
            // ZGC's and Shenandoah's pauses are reported besides their cycle, with its cause: one collection.
            return;
        }
        String cause = info.getGcCause() == null ? "" : info.getGcCause().toLowerCase(Locale.ROOT);
        if (cause.contains("metadata") || cause.contains("last ditch")
                || CollectionKinds.collectsWholePool(info.getGcName(), info.getGcAction())) {
            count.incrementAndGet();
        }
    }

    /** Collections that unload classes reported so far. */
    public long count() {
        return count.get();
    }
}
