package io.leakwatch.analysis;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

import io.leakwatch.config.LeakwatchConfig;
import io.leakwatch.track.ContainerSample;

/**
 * Keeps a {@link SiteHistory} per container site, judges a site's window at every sample of it, and
 * returns the alert when its state changes. Runs on the sampler thread only.
 */
final class ContainerSiteAnalyzer {

    private final IntFunction<String> siteNames;
    private final TrendDetector detector;
    private final long windowMillis;
    private final long bucketMillis;
    private final int seriesCapacity;
    private final SiteHistory[] sites = new SiteHistory[LeakwatchConfig.MAX_SITES];

    /** @param siteNames the {@code Owner#field} of a site id */
    ContainerSiteAnalyzer(LeakwatchConfig config, TrendDetector detector, IntFunction<String> siteNames) {
        this.siteNames = siteNames;
        this.detector = detector;
        this.windowMillis = config.windowMillis();
        this.bucketMillis = config.windowMillis() / LeakwatchConfig.SERIES_POINTS_PER_WINDOW;
        // A quarter more than a window, so that the value at the window's start is still known.
        this.seriesCapacity = LeakwatchConfig.SERIES_POINTS_PER_WINDOW + LeakwatchConfig.SERIES_POINTS_PER_WINDOW / 4;
    }

    /**
     * Records the sample, judges the site's window and returns the alert if its state changed.
     *
     * @param filling      the heap pool closest to full, carried by the alert as information; may be null
     * @param heapCritical a heap pool is CRITICAL: a site still growing is then CRITICAL too
     */
    Optional<Alert> analyze(long nowMillis, Instant now, ContainerSample sample, HeapProjection filling,
            boolean heapCritical) {
        int id = sample.siteId();
        SiteHistory site = sites[id];
        if (site == null) {
            site = new SiteHistory(new SampleSeries(bucketMillis, seriesCapacity, SampleSeries.Merge.LATEST),
                    new AlertState(windowMillis));
            sites[id] = site;
        }
        site.series().record(nowMillis, sample.size());
        Trend trend = detector.evaluate(site.series(), nowMillis, LeakwatchConfig.MIN_CONTAINER_GROWTH_ELEMENTS,
                TrendDetector.Shape.EVERY_QUARTER_ENDS_HIGHER);
        boolean critical = heapCritical && trend.netGrowth();
        Optional<Alert> change = site.state().next(nowMillis, trend, critical)
                .map(severity -> alert(now, severity, sample, trend, filling));
        // Every pass does this, exported or not, so that a snapshot need not judge again.
        site.remember(sample.size(), trend.slopePerSecond(), sample.typeName());
        return change;
    }

    private Alert alert(Instant now, Severity severity, ContainerSample sample, Trend trend, HeapProjection filling) {
        int id = sample.siteId();
        Alert.Builder alert = Alert.builder(now, severity, AlertKind.CONTAINER)
                .siteId(id)
                .site(siteNames.apply(id))
                .size(sample.size())
                .growthPerSecond(trend.slopePerSecond());
        if (sample.typeName() != null) {
            alert.type(sample.typeName());
        }
        // What the site's container keeps alive is measured by the pass once the alert is judged, not here.
        if (severity != Severity.RESOLVED && filling != null) {
            alert.heap(filling);
        }
        return alert.build();
    }

    /**
     * The at most {@code maxSites} sites most worth exporting ({@link ExportedSites}), best first, walking every
     * site once; counts the sites' active alerts as it goes.
     */
    List<SiteStatus> exportedSites(int maxSites, ActiveAlertCounts activeAlerts) {
        ExportedSites chosen = new ExportedSites(maxSites);
        for (int id = 0; id < sites.length; id++) {
            if (sites[id] != null) {
                SiteStatus status = sites[id].status(id, siteNames.apply(id));
                chosen.offer(status);
                activeAlerts.count(status.activeAlert(), AlertKind.CONTAINER);
            }
        }
        return chosen.inExportOrder();
    }
}
