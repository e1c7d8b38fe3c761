package io.leakwatch.export.otlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;

class IntervalMetricReaderTest {

    /** An endpoint whose answer the test decides; notes the thread each export was called on. */
    private static final class ScriptedExporter implements MetricExporter {
        final List<List<String>> exported = new CopyOnWriteArrayList<>();
        final List<String> threads = new CopyOnWriteArrayList<>();
        final List<CompletableResultCode> answers = new CopyOnWriteArrayList<>();
        final CountDownLatch threeExports = new CountDownLatch(3);
        boolean answerAtOnce;

        @Override
        public CompletableResultCode export(Collection<MetricData> metrics) {
            List<String> names = new ArrayList<>();
            metrics.forEach(metric -> names.add(metric.getName()));
            exported.add(names);
            threads.add(Thread.currentThread().getName());
            CompletableResultCode answer = answerAtOnce ? CompletableResultCode.ofSuccess() : new CompletableResultCode();
            answers.add(answer);
            threeExports.countDown();
            return answer;
        }

        @Override
        public AggregationTemporality getAggregationTemporality(InstrumentType instrumentType) {
            return AggregationTemporality.CUMULATIVE;
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }
    }

    private final ExportThreads threads = new ExportThreads();
    private final ScriptedExporter exporter = new ScriptedExporter();

    @AfterEach
    void stop() {
        threads.stop();
    }

    private SdkMeterProvider metersReadBy(IntervalMetricReader reader) {
        SdkMeterProvider meters = SdkMeterProvider.builder().registerMetricReader(reader).build();
        meters.get("test").gaugeBuilder("leakwatch.test").buildWithCallback(gauge -> gauge.record(1));
        return meters;
    }

    @Test
    void exportsEveryIntervalOnTheThreadItIsGiven() throws Exception {
        exporter.answerAtOnce = true;
        metersReadBy(new IntervalMetricReader(exporter, threads.sending(), Duration.ofMillis(50)));
        assertTrue(exporter.threeExports.await(10, TimeUnit.SECONDS), "exports: " + exporter.exported);
        assertEquals(List.of("leakwatch.test"), exporter.exported.get(0));
        assertTrue(exporter.threads.stream().allMatch("leakwatch-otlp-send"::equals), "threads: " + exporter.threads);
    }

    @Test
    void oneExportAtATime() {
        IntervalMetricReader reader = new IntervalMetricReader(exporter, threads.sending(), Duration.ofHours(1));
        metersReadBy(reader);
        CompletableResultCode first = reader.forceFlush();
        assertSame(first, reader.forceFlush());
        assertEquals(1, exporter.exported.size());

        exporter.answers.get(0).succeed();
        reader.forceFlush();
        assertEquals(2, exporter.exported.size());
    }

    @Test
    void aNonPositiveIntervalIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new IntervalMetricReader(exporter, threads.sending(), Duration.ZERO));
    }
}
