package io.leakwatch.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.leakwatch.analysis.Alert;
import io.leakwatch.analysis.LeakAnalyzer;
import io.leakwatch.analysis.Severity;
import io.leakwatch.config.ConfigParser;
import io.leakwatch.config.LeakwatchConfig;
import io.leakwatch.export.AlertFanOut;
import io.leakwatch.export.PassReport;
import io.leakwatch.export.TrackingCounts;
import io.leakwatch.heap.HeapPoolMonitor;
import io.leakwatch.track.ContainerRegistry;
import io.leakwatch.track.ContainerSampler;
import io.leakwatch.track.RetainedEstimates;
import io.leakwatch.track.RetainedSizeEstimator;

/**
 * Whole passes of the monitoring loop over a real registry and sampler: the alert raised on a growing field carries
 * the estimate that the same pass's report exports for that field, taken once in that pass.
 */
class OneWayPassTest {

    private static final int SITE = 0;

    @Test
    void theAlertsEstimateIsTheOneTheSamePassReports() throws Exception {
        LeakwatchConfig config = new ConfigParser(notice -> { }).parse("interval=500ms,window=10s", Map.of(), Map.of());
        AtomicLong clock = new AtomicLong(1_000);
        ContainerRegistry registry = new ContainerRegistry(8, 4, 100);
        ContainerSampler sampler = new ContainerSampler(registry, new RetainedSizeEstimator(null, 8, 64), 8,
                Long.MAX_VALUE, System::nanoTime);
        List<Long> walkedAt = new ArrayList<>();
        // Every estimate differs from the one before, so that two estimates in one pass could not agree.
        RetainedEstimates retained = new RetainedEstimates(id -> {
            walkedAt.add(clock.get());
            return OptionalLong.of(1_000L * walkedAt.size());
        }, sampler::estimateOf, LeakwatchConfig.RETAINED_ESTIMATE_REFRESH_MILLIS);
        LeakAnalyzer analyzer = new LeakAnalyzer(config, id -> "com.acme.Cache#entries");
        List<Alert> alerts = new ArrayList<>();
        List<PassReport> reports = new ArrayList<>();
        PassReports.Reader metrics = new PassReports.Reader() {
            @Override
            public int sitesWanted() {
                return 20;
            }

            @Override
            public void read(PassReport pass) {
                reports.add(pass);
            }
        };
        MonitoringLoop loop = new MonitoringLoop(sampler, new HeapPoolMonitor(clock::get), analyzer,
                new AlertEstimates(retained), new AlertFanOut(List.of(alerts::add)), List.of(), clock::get,
                PassReports.of(analyzer, retained, () -> TrackingCounts.NONE, List.of(metrics)));
        List<Integer> entries = new ArrayList<>();
        registry.onFieldWrite(entries, SITE);

        while (alerts.isEmpty() && clock.get() < 60_000) {
            for (int i = 0; i < 100; i++) {
                entries.add(i);
            }
            loop.run();
            clock.addAndGet(500);
        }

        assertEquals(1, alerts.size(), "a field growing 200 elements/s is alerted");
        Alert warning = alerts.get(0);
        assertEquals(Severity.WARNING, warning.severity());
        long alertedAt = warning.time().toEpochMilli();
        assertTrue(walkedAt.get(0) < alertedAt, "the first pass estimated the reported site already");
        assertNotNull(warning.estimatedBytes());
        assertEquals(1_000L * walkedAt.size(), warning.estimatedBytes(), "taken afresh for the alert");
        PassReport samePass = reports.get(reports.size() - 1);
        assertEquals(alertedAt, samePass.timeMillis());
        assertEquals(OptionalLong.of(warning.estimatedBytes()), samePass.retainedBytes(SITE),
                "the report exports the very estimate the alert carries");
        assertEquals(1, walkedAt.stream().filter(at -> at == alertedAt).count(), "one walk in that pass");
    }
}
