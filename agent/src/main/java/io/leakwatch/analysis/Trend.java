package io.leakwatch.analysis;

/** What one series did over the last window. */
final class Trend {

    /** Not a whole window of history yet: nothing can be said. */
    static final Trend UNKNOWN = new Trend(false, false, false, 0, 0);

    private final boolean known;
    private final boolean persistentGrowth;
    private final boolean netGrowth;
    /** The only rate kept: alerts state theirs per minute, and convert where they are built. */
    private final double slopePerSecond;
    private final long baseline;
    private final double evidenceWindows;

    Trend(boolean known, boolean persistentGrowth, boolean netGrowth, double slopePerSecond, long baseline) {
        this(known, persistentGrowth, netGrowth, slopePerSecond, baseline, 1);
    }

    private Trend(boolean known, boolean persistentGrowth, boolean netGrowth, double slopePerSecond, long baseline,
            double evidenceWindows) {
        this.known = known;
        this.persistentGrowth = persistentGrowth;
        this.netGrowth = netGrowth;
        this.slopePerSecond = slopePerSecond;
        this.baseline = baseline;
        this.evidenceWindows = evidenceWindows;
    }

    /** The value at the start of the window. */
    long baseline() {
        return baseline;
    }

    /** The same trend, counted as still growing, for a state that must not resolve. */
    Trend withNetGrowth() {
        return known ? new Trend(true, persistentGrowth, true, slopePerSecond, baseline, evidenceWindows) : this;
    }

    /** The same trend, no longer counted as persistent growth. */
    Trend withoutPersistentGrowth() {
        return new Trend(known, false, netGrowth, slopePerSecond, baseline, evidenceWindows);
    }

    /** The same trend, judged from growth that persisted over this many windows rather than one. */
    Trend withEvidenceWindows(double windows) {
        return new Trend(known, persistentGrowth, netGrowth, slopePerSecond, baseline, windows);
    }

    /** How many windows back the growth judged persistent reaches: one, unless the judgement spans more. */
    double evidenceWindows() {
        return evidenceWindows;
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

    /**
     * Change per second: net over the window for sizes, the floors' slope for usage after GC. Projections
     * use it as it is; an alert states it per minute ({@link Alert.Builder#growthPerSecond}).
     */
    double slopePerSecond() {
        return slopePerSecond;
    }
}
