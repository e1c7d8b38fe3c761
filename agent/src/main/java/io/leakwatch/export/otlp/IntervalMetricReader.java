package io.leakwatch.export.otlp;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.MemoryMode;
import io.opentelemetry.sdk.metrics.Aggregation;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.CollectionRegistration;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.export.MetricReader;

/**
 * Collects the metrics once per export interval, on the thread it is given, and hands them to the exporter; a
 * collection while the previous export is still in flight is skipped. The SDK's {@code PeriodicMetricReader}
 * would do the same on a worker thread of its own, besides its timer.
 */
final class IntervalMetricReader implements MetricReader {

    private final MetricExporter exporter;
    private final ScheduledExecutorService thread;
    private final long intervalNanos;
    private CollectionRegistration registration = CollectionRegistration.noop();
    private CompletableResultCode inFlight = CompletableResultCode.ofSuccess();
    private ScheduledFuture<?> ticks;

    IntervalMetricReader(MetricExporter exporter, ScheduledExecutorService thread, Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("otel.metric.export.interval must be positive, not " + interval);
        }
        this.exporter = exporter;
        this.thread = thread;
        this.intervalNanos = interval.toNanos();
    }

    @Override
    public synchronized void register(CollectionRegistration registration) {
        this.registration = registration;
        if (ticks == null) {
            ticks = thread.scheduleAtFixedRate(this::tick, intervalNanos, intervalNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** A periodic task that throws is never run again: an interval's failure must not end the export. */
    private void tick() {
        try {
            export();
        } catch (RuntimeException e) {
            // The next interval tries again; ExportOutcomes says when export fails.
        }
    }

    /** The export now, or the one still in flight. */
    private synchronized CompletableResultCode export() {
        if (!inFlight.isDone()) {
            return inFlight;
        }
        Collection<MetricData> metrics = registration.collectAllMetrics();
        inFlight = metrics.isEmpty() ? CompletableResultCode.ofSuccess() : exporter.export(metrics);
        return inFlight;
    }

    @Override
    public CompletableResultCode forceFlush() {
        return export();
    }

    @Override
    public CompletableResultCode shutdown() {
        synchronized (this) {
            if (ticks != null) {
                ticks.cancel(false);
            }
        }
        CompletableResultCode result = new CompletableResultCode();
        CompletableResultCode last = export();
        last.whenComplete(() -> exporter.shutdown().whenComplete(result::succeed));
        return result;
    }

    @Override
    public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
        return exporter.getAggregationTemporality(instrumentType);
    }

    @Override
    public Aggregation getDefaultAggregation(InstrumentType instrumentType) {
        return exporter.getDefaultAggregation(instrumentType);
    }

    @Override
    public MemoryMode getMemoryMode() {
        return exporter.getMemoryMode();
    }
}
