package io.leakwatch.heap;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
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
    private List<String> watchedPools = List.of();
    /** Each watched pool's usage after the previous collection, or -1; written on the notification thread only. */
    private long[] previousUsedAfter = new long[0];

    public HeapPoolMonitor(LongSupplier clock) {
        this.clock = clock;
    }

    /** Chooses the pools to watch and asks to be told of every collection; returns the pools watched. */
    public List<String> start(GcNotifications notifications) {
        List<String> pools = new ArrayList<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && LongLivedPools.holdsLongLivedObjects(pool.getName())) {
                pools.add(pool.getName());
            }
        }
        watchedPools = List.copyOf(pools);
        previousUsedAfter = new long[pools.size()];
        Arrays.fill(previousUsedAfter, -1);
        notifications.observe(this::collected);
        return watchedPools;
    }

    private void collected(GarbageCollectionNotificationInfo info) {
        if (CollectionKinds.reportsUsageAfterCollection(info.getGcAction())) {
            recordUsages(info.getGcInfo(), CollectionKinds.collectsWholePool(info.getGcName(), info.getGcAction()),
                    clock.getAsLong());
        }
    }

    private void recordUsages(GcInfo gc, boolean wholePoolCollected, long now) {
        Map<String, MemoryUsage> before = gc.getMemoryUsageBeforeGc();
        Map<String, MemoryUsage> after = gc.getMemoryUsageAfterGc();
        for (int i = 0; i < watchedPools.size(); i++) {
            String pool = watchedPools.get(i);
            MemoryUsage usedBefore = before.get(pool);
            MemoryUsage usedAfter = after.get(pool);
            if (usedBefore == null || usedAfter == null || usedAfter.getMax() == 0) {
                continue;
            }
            long max = usedAfter.getMax() > 0 ? usedAfter.getMax() : Runtime.getRuntime().maxMemory();
            // Freed by this collection, or since the previous one: on JDK 17 G1's remark and cleanup free
            // wholly empty old regions, and report nothing.
            long previous = previousUsedAfter[i];
            boolean reclaimed = usedAfter.getUsed() < usedBefore.getUsed()
                    || previous >= 0 && usedBefore.getUsed() < previous;
            previousUsedAfter[i] = usedAfter.getUsed();
            synchronized (pending) {
                if (pending.size() >= MAX_PENDING_USAGES) {
                    pending.removeFirst();
                }
                pending.addLast(new PoolUsageAfterGc(pool, now, usedAfter.getUsed(), max, reclaimed,
                        wholePoolCollected));
            }
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
