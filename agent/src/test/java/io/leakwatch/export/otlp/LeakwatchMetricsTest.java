package io.leakwatch.export.otlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.ObjLongConsumer;

import org.junit.jupiter.api.Test;

import io.leakwatch.analysis.LeakAnalyzer;
import io.leakwatch.config.ConfigParser;
import io.leakwatch.config.LeakwatchConfig;
import io.leakwatch.export.AgentReadings;
import io.leakwatch.export.PassReport;
import io.leakwatch.export.TrackingCounts;
import io.leakwatch.heap.GcPauses;
import io.leakwatch.stats.Distribution;
import io.leakwatch.track.ContainerSample;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;

/** What a pass measured and judged is exported from that pass's report, and from nothing else. */
class LeakwatchMetricsTest {

    private static final AttributeKey<String> SITE = AttributeKey.stringKey("site");
    private static final AttributeKey<String> SOURCE = AttributeKey.stringKey("source");

    /** Readings whose report the test sets; the process-wide counters are all zero. */
    private static final class SetReadings implements AgentReadings {
        volatile PassReport pass = PassReport.BEFORE_FIRST_PASS;

        @Override
        public PassReport latestPass() {
            return pass;
        }

        @Override
        public void gcPauses(BiConsumer<String, GcPauses.Reading> reader) {
        }

        @Override
        public Distribution.Interval samplerPasses() {
            return new Distribution().takeInterval();
        }

        @Override
        public long suppressedFieldWriteErrors() {
            return 0;
        }

        @Override
        public long transformErrors() {
            return 0;
        }

        @Override
        public void suppressedErrors(ObjLongConsumer<String> reader) {
        }

        @Override
        public void skippedClasses(ObjLongConsumer<String> reader) {
        }
    }

    private final SetReadings readings = new SetReadings();
    private final InMemoryMetricReader reader = InMemoryMetricReader.create();

    LeakwatchMetricsTest() {
        SdkMeterProvider provider = SdkMeterProvider.builder().registerMetricReader(reader).build();
        new LeakwatchMetrics(provider.get(LeakwatchMetrics.SCOPE), readings, null);
    }

    private static PassReport pass(long timeMillis, long site3Size, Map<Integer, Long> retained,
            TrackingCounts counts) throws Exception {
        LeakwatchConfig config = new ConfigParser(notice -> { }).parse("interval=500ms,window=10s", Map.of(), Map.of());
        LeakAnalyzer analyzer = new LeakAnalyzer(config, id -> "com.acme.Site#f" + id);
        analyzer.analyze(timeMillis, List.of(new ContainerSample(3, site3Size, "java.util.HashMap"),
                new ContainerSample(5, 10, "java.util.ArrayList")), List.of());
        return new PassReport(timeMillis, 250, analyzer.snapshot(20), retained, retained.keySet(), counts);
    }

    @Test
    void everyPassValueComesFromTheLatestReport() throws Exception {
        readings.pass = pass(1_000, 40, Map.of(3, 4_096L), new TrackingCounts(7, 1, 2, 3, 4));
        Collection<MetricData> first = reader.collectAllMetrics();
        assertEquals(Optional.of(4_096L), value(first, "leakwatch.container.retained", SITE, "com.acme.Site#f3"));
        assertEquals(Optional.empty(), value(first, "leakwatch.container.retained", SITE, "com.acme.Site#f5"),
                "no estimate, no point");
        assertEquals(Optional.of(40L), value(first, "leakwatch.container.size", SITE, "com.acme.Site#f3"));
        assertEquals(Optional.of(7L), value(first, "leakwatch.containers.tracked", null, null));
        assertEquals(Optional.of(1L), value(first, "leakwatch.containers.unsampled", null, null));
        assertEquals(Optional.of(2L), value(first, "leakwatch.registrations.dropped", null, null));
        assertEquals(Optional.of(3L), value(first, "leakwatch.sites.full", null, null));
        assertEquals(Optional.of(4L), value(first, "leakwatch.errors.suppressed", SOURCE, "size_call"));

        readings.pass = pass(1_500, 60, Map.of(3, 8_192L), new TrackingCounts(9, 0, 2, 3, 5));
        Collection<MetricData> second = reader.collectAllMetrics();
        assertEquals(Optional.of(8_192L), value(second, "leakwatch.container.retained", SITE, "com.acme.Site#f3"));
        assertEquals(Optional.of(60L), value(second, "leakwatch.container.size", SITE, "com.acme.Site#f3"));
        assertEquals(Optional.of(9L), value(second, "leakwatch.containers.tracked", null, null));
        assertEquals(Optional.of(5L), value(second, "leakwatch.errors.suppressed", SOURCE, "size_call"));
    }

    @Test
    void beforeTheFirstPassNoSiteIsExported() {
        Collection<MetricData> metrics = reader.collectAllMetrics();
        assertTrue(metrics.stream().noneMatch(metric -> metric.getName().startsWith("leakwatch.container.")));
    }

    /** The value of the point of that metric with that attribute (any point when {@code key} is null). */
    private static Optional<Long> value(Collection<MetricData> metrics, String name, AttributeKey<String> key,
            String attribute) {
        return metrics.stream().filter(metric -> metric.getName().equals(name))
                .flatMap(metric -> metric.getType().name().endsWith("SUM")
                        ? metric.getLongSumData().getPoints().stream()
                        : metric.getLongGaugeData().getPoints().stream())
                .filter(point -> key == null || attribute.equals(point.getAttributes().get(key)))
                .map(LongPointData::getValue).findFirst();
    }
}
