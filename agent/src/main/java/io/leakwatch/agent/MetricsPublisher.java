package io.leakwatch.agent;

import io.leakwatch.analysis.AnalysisSnapshot;
import io.leakwatch.analysis.SiteStatus;
import io.leakwatch.export.otlp.OtlpExport;
import io.leakwatch.track.RetainedEstimates;

/**
 * After each pass, on the sampler thread: hands the pass's snapshot to the metrics export, refreshes the
 * retained-bytes estimates of the exported sites, and retries alert records the endpoint has not taken.
 */
final class MetricsPublisher implements PassSnapshots.Reader {

    private final LiveReadings readings;
    private final RetainedEstimates retained;
    private final int maxSites;
    private final OtlpExport export;

    MetricsPublisher(LiveReadings readings, RetainedEstimates retained, int maxSites, OtlpExport export) {
        this.readings = readings;
        this.retained = retained;
        this.maxSites = maxSites;
        this.export = export;
    }

    @Override
    public int sitesWanted() {
        return maxSites;
    }

    @Override
    public void read(long nowMillis, long passStartedNanos, AnalysisSnapshot pass) {
        for (SiteStatus site : pass.sites()) {
            retained.refresh(site.siteId(), nowMillis);
        }
        readings.publish(pass, (System.nanoTime() - passStartedNanos) / 1000);
        export.redeliverAlerts();
    }
}
