package io.leakwatch.export.otlp;

import java.util.OptionalLong;

import io.leakwatch.analysis.AlertKind;
import io.leakwatch.analysis.AnalysisSnapshot;
import io.leakwatch.analysis.NonHeapPoolStatus;
import io.leakwatch.analysis.PoolStatus;
import io.leakwatch.analysis.Severity;
import io.leakwatch.analysis.SiteStatus;
import io.leakwatch.export.AgentReadings;
import io.leakwatch.export.PassReport;
import io.leakwatch.export.TrackingCounts;
import io.leakwatch.stats.Distribution;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.ObservableDoubleMeasurement;
import io.opentelemetry.api.metrics.ObservableLongMeasurement;

/**
 * The {@code leakwatch.*} metrics, all observed in one callback from {@link AgentReadings}: everything a pass
 * measures or judges comes from that pass's one {@link PassReport}, so that one export shows one consistent pass.
 * Units follow the OpenTelemetry conventions ({@code By}, {@code s}, {@code {element}}); the number of sites, and
 * so of series, is capped by {@code otlp.maxSites}.
 */
final class LeakwatchMetrics {

    static final String SCOPE = "io.leakwatch";

    private static final AttributeKey<String> SITE = AttributeKey.stringKey("site");
    private static final AttributeKey<String> TYPE = AttributeKey.stringKey("type");
    private static final AttributeKey<String> POOL = AttributeKey.stringKey("pool");
    private static final AttributeKey<String> GC = AttributeKey.stringKey("gc");
    private static final AttributeKey<String> QUANTILE = AttributeKey.stringKey("quantile");
    private static final AttributeKey<String> SOURCE = AttributeKey.stringKey("source");
    private static final AttributeKey<String> SEVERITY = AttributeKey.stringKey("severity");
    private static final AttributeKey<String> KIND = AttributeKey.stringKey("kind");
    private static final AttributeKey<String> REASON = AttributeKey.stringKey("reason");

    private final AgentReadings readings;
    private final RedeliveringLogRecordExporter alertRecords;

    private final ObservableLongMeasurement containerSize;
    private final ObservableDoubleMeasurement containerGrowth;
    private final ObservableLongMeasurement containerRetained;
    private final ObservableLongMeasurement heapLive;
    private final ObservableLongMeasurement heapLimit;
    private final ObservableDoubleMeasurement heapTimeToExhaustion;
    private final ObservableLongMeasurement poolUsed;
    private final ObservableLongMeasurement poolLimit;
    private final ObservableDoubleMeasurement poolTimeToExhaustion;
    private final ObservableDoubleMeasurement gcPauseDuration;
    private final ObservableLongMeasurement gcPauseCount;
    private final ObservableDoubleMeasurement samplerDuration;
    private final ObservableLongMeasurement trackedContainers;
    private final ObservableLongMeasurement unsampledContainers;
    private final ObservableLongMeasurement droppedRegistrations;
    private final ObservableLongMeasurement fullSites;
    private final ObservableLongMeasurement suppressedErrors;
    private final ObservableLongMeasurement activeAlerts;
    private final ObservableLongMeasurement droppedAlerts;
    private final ObservableLongMeasurement skippedClasses;

    /** @param alertRecords the alert log records' buffer, for its drop count; null when logs are not exported */
    LeakwatchMetrics(Meter meter, AgentReadings readings, RedeliveringLogRecordExporter alertRecords) {
        this.readings = readings;
        this.alertRecords = alertRecords;
        containerSize = longGauge(meter, "leakwatch.container.size", "{element}",
                "Elements in the largest live container held in the field");
        containerGrowth = meter.gaugeBuilder("leakwatch.container.growth_rate").setUnit("{element}/s")
                .setDescription("Net growth of the container over the window").buildObserver();
        containerRetained = longGauge(meter, "leakwatch.container.retained", "By",
                "Estimated bytes the container and what its entries keep alive, from a sample");
        heapLive = longGauge(meter, "leakwatch.heap.live", "By", "Live bytes in the pool after the last collection");
        heapLimit = longGauge(meter, "leakwatch.heap.limit", "By", "The pool's maximum");
        heapTimeToExhaustion = meter.gaugeBuilder("leakwatch.heap.time_to_exhaustion").setUnit("s")
                .setDescription("Projected time until the pool is full; absent while its live set is not rising")
                .buildObserver();
        poolUsed = longGauge(meter, "leakwatch.pool.used", "By",
                "Bytes used now in a pool outside the heap: class metadata or direct and mapped buffers");
        poolLimit = longGauge(meter, "leakwatch.pool.limit", "By",
                "The limit the JVM enforces on that pool; absent when it has none");
        poolTimeToExhaustion = meter.gaugeBuilder("leakwatch.pool.time_to_exhaustion").setUnit("s")
                .setDescription("Projected time until that pool reaches its limit; absent while it is not rising")
                .buildObserver();
        gcPauseDuration = meter.gaugeBuilder("leakwatch.gc.pause.duration").setUnit("s")
                .setDescription("Collection durations over the last export interval, by quantile (1 is the longest)")
                .buildObserver();
        gcPauseCount = meter.counterBuilder("leakwatch.gc.pause.count").setUnit("{pause}")
                .setDescription("Collections so far").buildObserver();
        samplerDuration = meter.gaugeBuilder("leakwatch.sampler.duration").setUnit("s")
                .setDescription("leakwatch's own sampler passes over the last export interval, by quantile")
                .buildObserver();
        trackedContainers = longGauge(meter, "leakwatch.containers.tracked", "{container}",
                "Containers leakwatch holds weakly and samples");
        unsampledContainers = longGauge(meter, "leakwatch.containers.unsampled", "{container}",
                "Live containers whose size() leakwatch does not trust itself to call");
        droppedRegistrations = meter.counterBuilder("leakwatch.registrations.dropped").setUnit("{registration}")
                .setDescription("Containers or fields lost to leakwatch's bounds: the registry or the site table"
                        + " was full (a full site is not counted: see leakwatch.sites.full)").buildObserver();
        fullSites = longGauge(meter, "leakwatch.sites.full", "{site}",
                "Fields whose few tracked containers are all alive, so further ones are sampled, not tracked");
        suppressedErrors = meter.counterBuilder("leakwatch.errors.suppressed").setUnit("{error}")
                .setDescription("Errors leakwatch caught and counted instead of throwing").buildObserver();
        activeAlerts = longGauge(meter, "leakwatch.alerts.active", "{alert}", "Alerts that hold now");
        droppedAlerts = meter.counterBuilder("leakwatch.alerts.dropped").setUnit("{alert}")
                .setDescription("Alert log records dropped because the export buffer was full").buildObserver();
        skippedClasses = meter.counterBuilder("leakwatch.classes.skipped").setUnit("{class}")
                .setDescription("Classes leakwatch left unchanged on purpose, by reason").buildObserver();
        meter.batchCallback(this::observe, containerSize, containerGrowth, containerRetained, heapLive, heapLimit,
                heapTimeToExhaustion, poolUsed, poolLimit, poolTimeToExhaustion, gcPauseDuration, gcPauseCount, samplerDuration, trackedContainers,
                unsampledContainers, droppedRegistrations, fullSites, suppressedErrors, activeAlerts, droppedAlerts,
                skippedClasses);
    }

    private static ObservableLongMeasurement longGauge(Meter meter, String name, String unit, String description) {
        return meter.gaugeBuilder(name).ofLongs().setUnit(unit).setDescription(description).buildObserver();
    }

    /** Runs on the SDK's export thread; reads only leakwatch's own state, never the application's objects. */
    private void observe() {
        PassReport pass = readings.latestPass();
        AnalysisSnapshot analysis = pass.analysis();
        for (SiteStatus site : analysis.sites()) {
            Attributes attributes = site.type() == null ? Attributes.of(SITE, site.site())
                    : Attributes.of(SITE, site.site(), TYPE, site.type());
            containerSize.record(site.size(), attributes);
            containerGrowth.record(site.growthPerSecond(), attributes);
            OptionalLong retained = pass.retainedBytes(site.siteId());
            if (retained.isPresent()) {
                containerRetained.record(retained.getAsLong(), attributes);
            }
        }
        for (PoolStatus pool : analysis.pools()) {
            Attributes attributes = Attributes.of(POOL, pool.pool());
            heapLive.record(pool.liveAfterGc(), attributes);
            heapLimit.record(pool.max(), attributes);
            pool.secondsToExhaustion().ifPresent(seconds -> heapTimeToExhaustion.record(seconds, attributes));
        }
        for (NonHeapPoolStatus pool : analysis.nonHeapPools()) {
            Attributes attributes = Attributes.of(KIND, pool.kind().label(), POOL, pool.pool());
            poolUsed.record(pool.used(), attributes);
            pool.limit().ifPresent(limit -> poolLimit.record(limit, attributes));
            pool.secondsToExhaustion().ifPresent(seconds -> poolTimeToExhaustion.record(seconds, attributes));
        }
        readings.gcPauses((gc, reading) -> {
            gcPauseCount.record(reading.totalCount(), Attributes.of(GC, gc));
            recordQuantiles(gcPauseDuration, reading.interval(), Attributes.of(GC, gc));
        });
        recordQuantiles(samplerDuration, readings.samplerPasses(), Attributes.empty());
        TrackingCounts counts = pass.counts();
        trackedContainers.record(counts.trackedContainers());
        unsampledContainers.record(counts.unsampledContainers());
        droppedRegistrations.record(counts.droppedRegistrations());
        fullSites.record(counts.fullSites());
        suppressedErrors.record(readings.suppressedFieldWriteErrors(), Attributes.of(SOURCE, "field_write"));
        suppressedErrors.record(readings.transformErrors(), Attributes.of(SOURCE, "transform"));
        suppressedErrors.record(counts.failedSizeCalls(), Attributes.of(SOURCE, "size_call"));
        readings.suppressedErrors((source, count) -> suppressedErrors.record(count, Attributes.of(SOURCE, source)));
        readings.skippedClasses((reason, count) -> skippedClasses.record(count, Attributes.of(REASON, reason)));
        for (Severity severity : new Severity[] {Severity.WARNING, Severity.CRITICAL}) {
            for (AlertKind kind : AlertKind.values()) {
                activeAlerts.record(analysis.activeAlerts(severity, kind),
                        Attributes.of(SEVERITY, severity.name(), KIND, kind.label()));
            }
        }
        droppedAlerts.record(alertRecords == null ? 0 : alertRecords.dropped());
    }

    /** Nothing is recorded for an interval without values: no pause is not a pause of zero seconds. */
    private static void recordQuantiles(ObservableDoubleMeasurement measurement, Distribution.Interval interval,
            Attributes base) {
        if (interval.count() == 0) {
            return;
        }
        measurement.record(interval.median(), base.toBuilder().put(QUANTILE, "0.5").build());
        measurement.record(interval.p99(), base.toBuilder().put(QUANTILE, "0.99").build());
        measurement.record(interval.max(), base.toBuilder().put(QUANTILE, "1").build());
    }
}
