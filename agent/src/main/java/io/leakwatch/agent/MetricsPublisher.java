package io.leakwatch.agent;

import io.leakwatch.export.PassReport;
import io.leakwatch.export.otlp.OtlpExport;

/**
 * After each pass, on the sampler thread: publishes the pass's report to the metrics export and retries alert
 * records the endpoint has not taken.
 */
final class MetricsPublisher implements PassReports.Reader {

    private final ExportedReadings readings;
    private final int maxSites;
    private final OtlpExport export;

    MetricsPublisher(ExportedReadings readings, int maxSites, OtlpExport export) {
        this.readings = readings;
        this.maxSites = maxSites;
        this.export = export;
    }

    @Override
    public int sitesWanted() {
        return maxSites;
    }

    @Override
    public void read(PassReport pass) {
        readings.publish(pass);
        export.redeliverAlerts();
    }
}
