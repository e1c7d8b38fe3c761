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
 * reclaimed: a rise with falls confirms itself only if the usages after them rise too.
 *
 * <p>A rise without falls is judged by kind. Class metadata climbs without a fall between the collections that
 * unload classes, however long the JVM lets it (its threshold for the next such collection moves with what was
 * left after the last: climbs of a healthy churn of class loaders differ by several MiB and many seconds). So
 * such a climb is growth only once the JVM has looked for dead classes and found none to free: two collections
 * that unload classes since the latest fall, the last a quarter window ago, with no fall after them (G1 keeps the
 * classes of loaders that died young through the first, as its concurrent cycle counts what is in survivor
 * space as live). A churn falls at each. Buffers are freed at any collection that finds them dead; a churn of
 * them that frees only at rare collections climbs the same way each time, to about the same peak: when no fall
 * is recent enough to confirm a rise, a rise that has not passed the highest level before the latest fall by
 * the minimum growth is that climb again, not growth. Runs on the sampler thread only.
 */
final class NonHeapFloor {

    private static final long NONE = -1;
    /** Collections that unload classes a climb of class metadata must outlast to count: see the class comment. */
    private static final int CLASS_UNLOADING_COLLECTIONS = 2;

    private final HeapFloorTracker floor;
    private final long windowMillis;
    /** How long after a collection that unloads classes its fall may come: G1 unloads at the Remark of the cycle. */
    private final long unloadingGraceMillis;
    private NonHeapReading latest;
    private long peakSinceFall = NONE;
    private long peakBeforeFall = NONE;
    private long lastFallMillis = NONE;
    /** Collections that unload classes the JVM had run at the latest fall; 0 before any. */
    private long unloadingCollectionsAtFall;
    /** When a reading first showed enough collections that unload classes since the latest fall, or NONE. */
    private long climbOutlastedUnloadingSinceMillis = NONE;

    NonHeapFloor(long windowMillis, long intervalMillis) {
        this.floor = new HeapFloorTracker(windowMillis, intervalMillis);
        this.windowMillis = windowMillis;
        this.unloadingGraceMillis = Math.max(intervalMillis, windowMillis / 4);
    }

    void record(NonHeapReading reading) {
        long charged = reading.charged();
        boolean fell = latest != null && charged < latest.charged();
        if (fell) {
            peakBeforeFall = Math.max(peakSinceFall, latest.charged());
            peakSinceFall = charged;
            lastFallMillis = reading.timeMillis();
            unloadingCollectionsAtFall = reading.classUnloadingCollections();
            climbOutlastedUnloadingSinceMillis = NONE;
        } else {
            peakSinceFall = Math.max(peakSinceFall, charged);
        }
        if (climbOutlastedUnloadingSinceMillis == NONE && reading.classUnloadingCollections()
                - unloadingCollectionsAtFall >= CLASS_UNLOADING_COLLECTIONS) {
            climbOutlastedUnloadingSinceMillis = reading.timeMillis();
        }
        latest = reading;
        // A maximum of 0 leaves the tracker's minimum growth at its fixed floor, for a pool without a limit.
        floor.record(new PoolUsageAfterGc(reading.pool(), reading.timeMillis(), charged,
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
        if (!judged.persistentGrowth() || floor.confirmedByCollections()) {
            return judged;
        }
        boolean climbIsGrowth = latest.kind() == NonHeapKind.METASPACE
                ? climbOutlastedUnloading(nowMillis)
                : !retracesLastClimb(nowMillis);
        return climbIsGrowth ? judged : judged.withoutPersistentGrowth();
    }

    /**
     * Whether the JVM has run enough collections that unload classes since the latest fall, the last of them
     * long enough ago (a quarter window, an interval at least) that the G1 concurrent cycle it started has had
     * time to unload, and nothing fell since.
     */
    private boolean climbOutlastedUnloading(long nowMillis) {
        return climbOutlastedUnloadingSinceMillis != NONE
                && nowMillis - climbOutlastedUnloadingSinceMillis >= unloadingGraceMillis;
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
}
