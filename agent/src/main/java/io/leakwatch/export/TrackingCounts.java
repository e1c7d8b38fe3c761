package io.leakwatch.export;

/** The agent's tracking counters as of the end of one sampler pass; immutable. */
public final class TrackingCounts {

    public static final TrackingCounts NONE = new TrackingCounts(0, 0, 0, 0, 0);

    private final long tracked;
    private final long unsampled;
    private final long droppedRegistrations;
    private final long fullSites;
    private final long failedSizeCalls;

    /**
     * @param tracked              containers held weakly and sampled
     * @param unsampled            live containers whose size() the agent does not call
     * @param droppedRegistrations containers or fields lost to the agent's bounds (not full sites)
     * @param fullSites            sites whose few slots are all taken
     * @param failedSizeCalls      size() calls that threw or were too slow, since start
     */
    public TrackingCounts(long tracked, long unsampled, long droppedRegistrations, long fullSites,
            long failedSizeCalls) {
        this.tracked = tracked;
        this.unsampled = unsampled;
        this.droppedRegistrations = droppedRegistrations;
        this.fullSites = fullSites;
        this.failedSizeCalls = failedSizeCalls;
    }

    public long trackedContainers() {
        return tracked;
    }

    public long unsampledContainers() {
        return unsampled;
    }

    /**
     * Data really lost to the agent's bounds: containers refused because the registry held its maximum,
     * and fields left uninstrumented because the site table was full. A full site is not counted here.
     */
    public long droppedRegistrations() {
        return droppedRegistrations;
    }

    /** Sites whose few slots are all taken: normal sampling of a busy field, not lost data. */
    public long fullSites() {
        return fullSites;
    }

    /** {@code size()} calls that threw or were too slow. */
    public long failedSizeCalls() {
        return failedSizeCalls;
    }
}
