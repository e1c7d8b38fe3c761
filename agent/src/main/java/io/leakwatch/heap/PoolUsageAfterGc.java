package io.leakwatch.heap;

/**
 * A long-lived heap pool's usage right after one collection, whether that collection (or, unreported, one since the
 * previous) reclaimed from it, and whether it collected the whole pool.
 */
public final class PoolUsageAfterGc {

    private final String poolName;
    private final long timeMillis;
    private final long usedAfterGc;
    private final long max;
    private final boolean reclaimed;
    private final boolean freedByThisCollection;
    private final boolean wholePoolCollected;

    /** A usage after a collection that only promoted into the pool or freed part of it. */
    public PoolUsageAfterGc(String poolName, long timeMillis, long usedAfterGc, long max, boolean reclaimed) {
        this(poolName, timeMillis, usedAfterGc, max, reclaimed, false);
    }

    /** A usage after a collection that, when {@code reclaimed}, itself freed from the pool. */
    public PoolUsageAfterGc(String poolName, long timeMillis, long usedAfterGc, long max, boolean reclaimed,
            boolean wholePoolCollected) {
        this(poolName, timeMillis, usedAfterGc, max, reclaimed, reclaimed, wholePoolCollected);
    }

    /**
     * @param reclaimed             objects of the pool were freed by this collection or since the previous one
     * @param freedByThisCollection by this collection itself: it left the pool lower than it found it
     */
    public PoolUsageAfterGc(String poolName, long timeMillis, long usedAfterGc, long max, boolean reclaimed,
            boolean freedByThisCollection, boolean wholePoolCollected) {
        this.poolName = poolName;
        this.timeMillis = timeMillis;
        this.usedAfterGc = usedAfterGc;
        this.max = max;
        this.reclaimed = reclaimed || freedByThisCollection;
        this.freedByThisCollection = freedByThisCollection;
        this.wholePoolCollected = wholePoolCollected;
    }

    /** The pool as the JVM names it, e.g. {@code G1 Old Gen}. */
    public String poolName() {
        return poolName;
    }

    public long timeMillis() {
        return timeMillis;
    }

    public long usedAfterGc() {
        return usedAfterGc;
    }

    /** The most the pool can hold, in bytes. */
    public long max() {
        return max;
    }

    /**
     * True when objects of this pool were freed by this collection (a full, mixed or old-generation one) or since the
     * previous one (the end of G1's concurrent marking, which reports nothing on JDK 17), as opposed to a young
     * collection that only promoted into it.
     */
    public boolean reclaimed() {
        return reclaimed;
    }

    /**
     * True when this collection itself freed objects of the pool, leaving it lower than it found it (a full, mixed or
     * old-generation collection); false when what was freed went before it, e.g. the wholly empty regions that the
     * end of G1's concurrent marking frees: the usage after that collection still holds the garbage that the mixed
     * collections free later, so it is no measure of the live set.
     */
    public boolean freedByThisCollection() {
        return freedByThisCollection;
    }

    /**
     * True when the collection traced all of this pool and freed whatever was dead in it (a full
     * collection, a ZGC major cycle), so that the usage after it is a live-set measurement even if it
     * freed nothing.
     */
    public boolean wholePoolCollected() {
        return wholePoolCollected;
    }
}
