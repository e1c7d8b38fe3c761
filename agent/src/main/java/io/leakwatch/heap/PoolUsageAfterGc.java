package io.leakwatch.heap;

/**
 * A long-lived heap pool's usage right after one collection, whether that collection reclaimed from it,
 * and whether it collected the whole pool.
 */
public final class PoolUsageAfterGc {

    private final String poolName;
    private final long timeMillis;
    private final long usedAfterGc;
    private final long max;
    private final boolean reclaimed;
    private final boolean wholePoolCollected;

    /** A usage after a collection that only promoted into the pool or freed part of it. */
    public PoolUsageAfterGc(String poolName, long timeMillis, long usedAfterGc, long max, boolean reclaimed) {
        this(poolName, timeMillis, usedAfterGc, max, reclaimed, false);
    }

    public PoolUsageAfterGc(String poolName, long timeMillis, long usedAfterGc, long max, boolean reclaimed,
            boolean wholePoolCollected) {
        this.poolName = poolName;
        this.timeMillis = timeMillis;
        this.usedAfterGc = usedAfterGc;
        this.max = max;
        this.reclaimed = reclaimed;
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
     * True when the collection freed objects of this pool (a full, mixed or old-generation cycle), as
     * opposed to a young collection that only promoted into it.
     */
    public boolean reclaimed() {
        return reclaimed;
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
