package io.leakwatch.agent;

import io.leakwatch.analysis.AnalysisSnapshot;
import io.leakwatch.analysis.LeakAnalyzer;
import io.leakwatch.analysis.SiteStatus;
import io.leakwatch.export.otlp.OtlpExport;
import io.leakwatch.track.RetainedEstimates;

/**
 * After each pass, on the sampler thread: takes the analysis snapshot the metrics export, refreshes the
 * retained-bytes estimates of the exported sites, and retries alert records the endpoint has not taken.
 */
final class MetricsPublisher implements MonitoringLoop.PassListener {

    private final LeakAnalyzer analyzer;
    private final LiveReadings readings;
    private final RetainedEstimates retained;
    private final int maxSites;
    private final OtlpExport export;

    MetricsPublisher(LeakAnalyzer analyzer, LiveReadings readings, RetainedEstimates retained, int maxSites,
            OtlpExport export) {
        this.analyzer = analyzer;
        this.readings = readings;
        this.retained = retained;
        this.maxSites = maxSites;
        this.export = export;
    }

    @Override
    public void afterPass(long nowMillis, long passStartedNanos) {
        AnalysisSnapshot snapshot = analyzer.snapshot(maxSites);
        for (SiteStatus site : snapshot.sites()) {
            retained.refresh(site.siteId(), nowMillis);
        }
        readings.publish(snapshot, (System.nanoTime() - passStartedNanos) / 1000);
        export.redeliverAlerts();
    }
}
