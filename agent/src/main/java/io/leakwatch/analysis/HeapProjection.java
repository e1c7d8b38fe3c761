package io.leakwatch.analysis;

import java.util.OptionalDouble;

/** Where one heap pool's floor stands and, if it rises, when it would meet the pool's maximum. */
public final class HeapProjection {

    private final String pool;
    private final long usedAfterGc;
    private final long max;
    /** Computed once: alerts, the soonest-pool choice and every export read it. */
    private final OptionalDouble secondsToExhaustion;

    HeapProjection(String pool, long usedAfterGc, long max, double slopeBytesPerSecond) {
        this.pool = pool;
        this.usedAfterGc = usedAfterGc;
        this.max = max;
        this.secondsToExhaustion = slopeBytesPerSecond <= 0 ? OptionalDouble.empty()
                : OptionalDouble.of(Math.max(0, max - usedAfterGc) / slopeBytesPerSecond);
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
        return secondsToExhaustion;
    }

    boolean exhaustedWithin(long horizonMillis) {
        return secondsToExhaustion.isPresent() && secondsToExhaustion.getAsDouble() * 1000 < horizonMillis;
    }
}
