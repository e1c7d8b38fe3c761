package io.leakwatch.heap;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.GcInfo;

/**
 * Told of every collection by {@link GcNotifications}, keeps, for each heap pool that holds long-lived objects, its usage
 * after every collection, marking those that reclaimed from it and those that collected all of it. The listener only records and returns,
 * since it runs on the JVM's notification thread.
 */
public final class HeapPoolMonitor {

    /** Usages kept between two sampler passes; older ones are dropped first. */
    private static final int MAX_PENDING_USAGES = 1024;

    private final LongSupplier clock;
    private final ArrayDeque<PoolUsageAfterGc> pending = new ArrayDeque<>();
    private List<WatchedPool> watchedPools = List.of();

    public HeapPoolMonitor(LongSupplier clock) {
        this.clock = clock;
    }

    /** Chooses the pools to watch and asks to be told of every collection; returns the names of the pools watched. */
    public List<String> start(GcNotifications notifications) {
        List<WatchedPool> pools = new ArrayList<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && LongLivedPools.holdsLongLivedObjects(pool.getName())) {
                pools.add(new WatchedPool(pool.getName()));
            }
        }
        watchedPools = List.copyOf(pools);
        notifications.observe(this::collected);
        List<String> names = new ArrayList<>();
        for (WatchedPool pool : watchedPools) {
            names.add(pool.name());
        }
        return names;
    }

    private void collected(GarbageCollectionNotificationInfo info) {
        GcInfo gc = info.getGcInfo();
        Map<String, MemoryUsage> before = gc.getMemoryUsageBeforeGc();
        Map<String, MemoryUsage> after = gc.getMemoryUsageAfterGc();
        long now = clock.getAsLong();
        for (WatchedPool pool : watchedPools) {
            MemoryUsage usedBefore = before.get(pool.name());
            MemoryUsage usedAfter = after.get(pool.name());
            if (usedBefore != null && usedAfter != null) {
                pool.collected(now, info.getGcName(), info.getGcAction(), usedBefore.getUsed(), usedAfter.getUsed(),
                        usedAfter.getMax()).ifPresent(this::keep);
            }
        }
    }

    private void keep(PoolUsageAfterGc usage) {
        synchronized (pending) {
            if (pending.size() >= MAX_PENDING_USAGES) {
                pending.removeFirst();
            }
            pending.addLast(usage);
        }
    }

    /** The usages recorded since the last call, oldest first. */
    public List<PoolUsageAfterGc> drainUsages() {
        synchronized (pending) {
            List<PoolUsageAfterGc> drained = new ArrayList<>(pending);
            pending.clear();
            return drained;
        }
    }
}
