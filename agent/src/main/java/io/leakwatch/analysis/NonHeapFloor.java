package io.leakwatch.analysis;

import io.leakwatch.config.LeakwatchConfig;
import io.leakwatch.heap.PoolUsageAfterGc;
import io.leakwatch.nonheap.NonHeapKind;
import io.leakwatch.nonheap.NonHeapReading;

/**
 * One pool outside the heap, read at every pass and judged by the floor of what it charges against its
 * limit, as the heap's live set is, by {@link HeapFloorTracker}. Such a pool shrinks only when something
 * is freed from it: a collection unloads the classes of a dead loader, or finds direct buffers unreachable
 * so that their cleaners run. So a fall between two readings plays the part of a collection that
 * reclaimed: a rise with falls confirms itself only if the usages after them rise too, and a rise without
 * any must last longer. Two more rules keep churn quiet. Class metadata is not growth before the JVM has
 * run two collections that unload classes: G1 keeps the classes of loaders that died young through the
 * first (its concurrent cycle counts what is in survivor space as live), and unloads them at the next.
 * And a churn that frees only at rare collections climbs the same way each time, to about the same peak
 * (the JVM's high-water mark for class metadata creeps up a little each time): when no fall is recent
 * enough to confirm a rise, a rise that has not passed the highest level before the latest fall by the
 * minimum growth is that climb again, not growth. Runs on the sampler thread only.
 */
final class NonHeapFloor {

    private static final long NONE = -1;
    /** Collections that unload classes before a rise of class metadata can count: see the class comment. */
    private static final int CLASS_UNLOADING_COLLECTIONS = 2;

    private final HeapFloorTracker floor;
    private final long windowMillis;
    private final long intervalMillis;
    private NonHeapReading latest;
    private long peakSinceFall = NONE;
    private long peakBeforeFall = NONE;
    private long lastFallMillis = NONE;
    /** When a reading first showed the second collection that unloads classes. */
    private long classesLookedForSinceMillis = NONE;

    NonHeapFloor(long windowMillis, long intervalMillis) {
        this.floor = new HeapFloorTracker(windowMillis, intervalMillis);
        this.windowMillis = windowMillis;
        this.intervalMillis = intervalMillis;
    }

    void record(NonHeapReading reading) {
        boolean fell = latest != null && reading.charged() < latest.charged();
        if (fell) {
            peakBeforeFall = Math.max(peakSinceFall, latest.charged());
            peakSinceFall = reading.charged();
            lastFallMillis = reading.timeMillis();
        } else {
            peakSinceFall = Math.max(peakSinceFall, reading.charged());
        }
        if (classesLookedForSinceMillis == NONE && reading.classUnloadingCollections() >= CLASS_UNLOADING_COLLECTIONS) {
            classesLookedForSinceMillis = reading.timeMillis();
        }
        latest = reading;
        // A maximum of 0 leaves the tracker's minimum growth at its fixed floor, for a pool without a limit.
        floor.record(new PoolUsageAfterGc(reading.pool(), reading.timeMillis(), reading.charged(),
                reading.hasLimit() ? reading.limit() : 0, fell));
    }

    /** The latest reading; null before the first. */
    NonHeapReading latest() {
        return latest;
    }

    Trend judge(TrendDetector detector, long nowMillis) {
        Trend judged = floor.judge(detector, nowMillis);
        // A pool pinned at its limit has stopped growing only because it cannot: it stays alerted.
        if (latest.hasLimit() && floor.isNearlyFull()) {
            judged = judged.withNetGrowth();
        }
        if (judged.persistentGrowth() && (retracesLastClimb(nowMillis) || !deadClassesLookedFor(nowMillis))) {
            return judged.withoutPersistentGrowth();
        }
        return judged;
    }

    /**
     * Whether a rise that no recent fall confirms (none in the last half window, where {@link HeapFloorTracker}
     * looks for confirmations) has yet to pass the peak before the latest fall by the minimum growth.
     */
    private boolean retracesLastClimb(long nowMillis) {
        if (peakBeforeFall == NONE || nowMillis - lastFallMillis < windowMillis / 2) {
            return false;
        }
        long minimumGrowth = Math.max(LeakwatchConfig.MIN_HEAP_GROWTH_BYTES,
                (long) (latest.limit() * LeakwatchConfig.MIN_HEAP_GROWTH_FRACTION_OF_MAX));
        return latest.charged() < peakBeforeFall + minimumGrowth;
    }

    /**
     * For class metadata, whether the JVM has run enough collections that unload classes, the last of them
     * long enough ago that the G1 concurrent cycle it started has had time to unload; always true for
     * buffers, which the GC frees at any collection that finds them dead.
     */
    private boolean deadClassesLookedFor(long nowMillis) {
        return latest.kind() != NonHeapKind.METASPACE
                || classesLookedForSinceMillis != NONE && nowMillis - classesLookedForSinceMillis >= intervalMillis;
    }
}
