package io.leakwatch.analysis;

/** Where one container site stands after the latest sampler pass, for the exported metrics. */
public final class SiteStatus {

    private final int siteId;
    private final String site;
    private final String type;
    private final long size;
    private final double growthPerSecond;
    private final Severity activeAlert;

    SiteStatus(int siteId, String site, String type, long size, double growthPerSecond, Severity activeAlert) {
        this.siteId = siteId;
        this.site = site;
        this.type = type;
        this.size = size;
        this.growthPerSecond = growthPerSecond;
        this.activeAlert = activeAlert;
    }

    public int siteId() {
        return siteId;
    }

    /** {@code Owner#field}. */
    public String site() {
        return site;
    }

    /** Runtime class of the site's largest container; null once none is alive. */
    public String type() {
        return type;
    }

    public long size() {
        return size;
    }

    /** Net elements per second over the window; 0 until a window has been seen. */
    public double growthPerSecond() {
        return growthPerSecond;
    }

    /** WARNING or CRITICAL while an alert holds, else null. */
    public Severity activeAlert() {
        return activeAlert;
    }
}
