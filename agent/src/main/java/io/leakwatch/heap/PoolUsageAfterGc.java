package io.leakwatch.heap;

/** A heap pool's usage right after a collection that reclaimed from it: a point on its floor. */
public final class PoolFloor {

    private final String poolName;
    private final long timeMillis;
    private final long usedAfterGc;
    private final long max;

    PoolFloor(String poolName, long timeMillis, long usedAfterGc, long max) {
        this.poolName = poolName;
        this.timeMillis = timeMillis;
        this.usedAfterGc = usedAfterGc;
        this.max = max;
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
}
