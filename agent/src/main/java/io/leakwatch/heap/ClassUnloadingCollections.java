package io.leakwatch.heap;

import java.util.Locale;
import java.util.function.LongSupplier;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * Told of every collection by {@link GcNotifications}, remembers when the latest one ran that unloads the
 * classes of dead loaders: one the JVM started because class metadata reached its high-water mark
 * ({@code Metadata GC Threshold}, {@code Last ditch collection}), a full collection, a ZGC cycle, or the
 * end of G1's concurrent cycle where the JVM reports it (JDK 20 and later). Until one has run, classes of
 * released loaders are still counted in Metaspace: the JVM has not yet looked for them. The listener only
 * records and returns, since it runs on the JVM's notification thread.
 */
public final class ClassUnloadingCollections {

    /** No such collection yet. */
    public static final long NONE = Long.MIN_VALUE;

    private final LongSupplier clock;
    private volatile long latestMillis = NONE;

    public ClassUnloadingCollections(LongSupplier clock) {
        this.clock = clock;
    }

    public void start(GcNotifications notifications) {
        notifications.observe(this::collected);
    }

    private void collected(GarbageCollectionNotificationInfo info) {
        String cause = info.getGcCause() == null ? "" : info.getGcCause().toLowerCase(Locale.ROOT);
        String name = info.getGcName() == null ? "" : info.getGcName().toLowerCase(Locale.ROOT);
        if (cause.contains("metadata") || cause.contains("last ditch")
                || CollectionKinds.collectsWholePool(info.getGcName(), info.getGcAction())
                || name.contains("concurrent")) {
            latestMillis = clock.getAsLong();
        }
    }

    /** When the latest collection that unloads classes was reported, or {@link #NONE}. */
    public long latestMillis() {
        return latestMillis;
    }
}
