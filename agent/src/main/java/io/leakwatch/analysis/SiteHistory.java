package io.leakwatch.analysis;

/**
 * Everything the analysis keeps about one container site: its series of sizes, its alert state, and the
 * values of the latest pass that a snapshot exports. Created when the site is first sampled; runs on the
 * sampler thread only.
 */
final class SiteHistory {

    private final SampleSeries series;
    private final AlertState state;
    private long latestSize;
    private double latestSlopePerSecond;
    private String latestType;

    SiteHistory(SampleSeries series, AlertState state) {
        this.series = series;
        this.state = state;
    }

    SampleSeries series() {
        return series;
    }

    AlertState state() {
        return state;
    }

    /**
     * Keeps the latest pass's values for a snapshot, so that a snapshot needs no judging. Once its
     * containers are collected a site keeps its last type, so that its exported series stays one series.
     */
    void remember(long size, double slopePerSecond, String type) {
        latestSize = size;
        latestSlopePerSecond = slopePerSecond;
        if (type != null) {
            latestType = type;
        }
    }

    /** Where the site stood at the latest pass. */
    SiteStatus status(int siteId, String site) {
        return new SiteStatus(siteId, site, latestType, latestSize, latestSlopePerSecond, state.active());
    }
}
