package io.leakwatch.analysis;

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
 * once run a collection that unloads classes: until then it has not looked for the dead loaders' classes.
 * And a churn that frees only at rare collections climbs the same way each time: a rise that has not
 * passed the highest level before the latest fall is that climb again, not growth. Sampler thread only.
 */
final class NonHeapFloor {

    private static final long NONE = -1;

    private final HeapFloorTracker floor;
    private final long intervalMillis;
    private NonHeapReading latest;
    private long peakSinceFall = NONE;
    private long peakBeforeFall = NONE;
    private long firstClassUnloadingMillis = NonHeapReading.NO_TIME;

    NonHeapFloor(long windowMillis, long intervalMillis) {
        this.floor = new HeapFloorTracker(windowMillis, intervalMillis);
        this.intervalMillis = intervalMillis;
    }

    void record(NonHeapReading reading) {
        boolean fell = latest != null && reading.charged() < latest.charged();
        if (fell) {
            peakBeforeFall = Math.max(peakSinceFall, latest.charged());
            peakSinceFall = reading.charged();
        } else {
            peakSinceFall = Math.max(peakSinceFall, reading.charged());
        }
        if (firstClassUnloadingMillis == NonHeapReading.NO_TIME) {
            firstClassUnloadingMillis = reading.classUnloadingMillis();
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
        boolean retracesLastClimb = latest.charged() <= peakBeforeFall;
        if (judged.persistentGrowth() && (retracesLastClimb || !deadClassesLookedFor(nowMillis))) {
            return judged.withoutPersistentGrowth();
        }
        return judged;
    }

    /**
     * For class metadata, whether the JVM has run a collection that unloads classes, long enough ago that
     * G1's concurrent cycle it started has had time to unload them; always true for buffers, which the GC
     * frees at any collection that finds them dead.
     */
    private boolean deadClassesLookedFor(long nowMillis) {
        if (latest.kind() != NonHeapKind.METASPACE || latest.unloadedClasses() > 0) {
            return true;
        }
        return firstClassUnloadingMillis != NonHeapReading.NO_TIME
                && nowMillis - firstClassUnloadingMillis >= intervalMillis;
    }
}
