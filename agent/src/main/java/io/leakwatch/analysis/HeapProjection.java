package io.leakwatch.analysis;

import java.util.OptionalDouble;

/** Where one heap pool's floor stands and, if it rises, when it would meet the pool's maximum. */
public final class HeapProjection {

    private final String pool;
    private final long usedAfterGc;
    private final long max;
    private final double slopeBytesPerSecond;

    HeapProjection(String pool, long usedAfterGc, long max, double slopeBytesPerSecond) {
        this.pool = pool;
        this.usedAfterGc = usedAfterGc;
        this.max = max;
        this.slopeBytesPerSecond = slopeBytesPerSecond;
    }

    public String pool() {
        return pool;
    }

    public long usedAfterGc() {
        return usedAfterGc;
    }

    public long max() {
        return max;
    }

    /** Empty when the floor is flat or falling. */
    public OptionalDouble secondsToExhaustion() {
        if (slopeBytesPerSecond <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.max(0, max - usedAfterGc) / slopeBytesPerSecond);
    }

    boolean exhaustedWithin(long horizonMillis) {
        OptionalDouble seconds = secondsToExhaustion();
        return seconds.isPresent() && seconds.getAsDouble() * 1000 < horizonMillis;
    }
}
