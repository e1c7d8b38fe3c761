package io.leakwatch.analysis;

/** What one series did over the last window. */
final class Trend {

    /** Not a whole window of history yet: nothing can be said. */
    static final Trend UNKNOWN = new Trend(false, false, false, 0, 0);

    private final boolean known;
    private final boolean persistentGrowth;
    private final boolean netGrowth;
    private final double growthPerMinute;
    private final double slopePerSecond;

    Trend(boolean known, boolean persistentGrowth, boolean netGrowth, double growthPerMinute, double slopePerSecond) {
        this.known = known;
        this.persistentGrowth = persistentGrowth;
        this.netGrowth = netGrowth;
        this.growthPerMinute = growthPerMinute;
        this.slopePerSecond = slopePerSecond;
    }

    boolean known() {
        return known;
    }

    /** Rose in every quarter of the window, its floor too: the shape of a leak. */
    boolean persistentGrowth() {
        return persistentGrowth;
    }

    /** Ended the window at least the minimum higher than it began, whatever the shape. */
    boolean netGrowth() {
        return netGrowth;
    }

    /** Net change over the window, per minute. */
    double growthPerMinute() {
        return growthPerMinute;
    }

    /** Least-squares slope over the window, per second; what projections use. */
    double slopePerSecond() {
        return slopePerSecond;
    }
}
