package io.leakwatch.heap;

/** A long-lived heap pool's usage right after one collection, and whether that collection reclaimed from it. */
public final class PoolUsageAfterGc {

    private final String poolName;
    private final long timeMillis;
    private final long usedAfterGc;
    private final long max;
    private final boolean reclaimed;

    public PoolUsageAfterGc(String poolName, long timeMillis, long usedAfterGc, long max, boolean reclaimed) {
        this.poolName = poolName;
        this.timeMillis = timeMillis;
        this.usedAfterGc = usedAfterGc;
        this.max = max;
        this.reclaimed = reclaimed;
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
}
