package io.leakwatch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.leakwatch.config.ConfigException;
import io.leakwatch.config.ConfigParser;
import io.leakwatch.config.LeakwatchConfig;
import io.leakwatch.track.ContainerSample;

/**
 * Container sites judged at every pass (500 ms, window 10 s): the alert of a growing site and its rate per
 * minute, and what a snapshot exports of each site sampled so far.
 */
class ContainerSiteAnalyzerTest {

    private final ContainerSiteAnalyzer sites;

    ContainerSiteAnalyzerTest() throws ConfigException {
        LeakwatchConfig config = new ConfigParser(notice -> { }).parse("interval=500ms,window=10s", Map.of(), Map.of());
        sites = new ContainerSiteAnalyzer(config, new TrendDetector(config.windowMillis(), config.intervalMillis()),
                id -> "com.acme.Site#f" + id);
    }

    private Optional<Alert> pass(long t, ContainerSample sample) {
        return sites.analyze(t, Instant.ofEpochMilli(t), sample, null, false);
    }

    @Test
    void aGrowingSiteWarnsWithItsRatePerMinuteAndItsSiteId() {
        Alert warning = null;
        long t = 0;
        for (; warning == null && t <= 30_000; t += 500) {
            warning = pass(t, new ContainerSample(7, 2 * t, "java.util.HashMap")).orElse(null);
        }
        assertTrue(warning != null, "a site growing 2000 elements/s warns");
        assertEquals(Severity.WARNING, warning.severity());
        assertEquals("com.acme.Site#f7", warning.site());
        assertEquals("java.util.HashMap", warning.type());
        assertEquals(7, warning.siteId());
        assertNull(warning.estimatedBytes(), "measured by the pass once judged, not by the analysis");
        assertEquals(120_000, warning.growthPerMin(), 2_000);
        SiteStatus status = sites.exportedSites(10, new ActiveAlertCounts()).get(0);
        // The same judgement, per second in the snapshot and per minute in the alert.
        assertEquals(status.growthPerSecond() * 60, warning.growthPerMin(), 0.0);
        assertEquals(Severity.WARNING, status.activeAlert());
    }

    @Test
    void aSiteKeepsItsLastTypeOnceItsContainersAreCollected() {
        for (long t = 0; t <= 2_000; t += 500) {
            pass(t, new ContainerSample(3, 40, "java.util.ArrayList"));
        }
        pass(2_500, new ContainerSample(3, 0, null));
        SiteStatus status = sites.exportedSites(10, new ActiveAlertCounts()).get(0);
        assertEquals("java.util.ArrayList", status.type());
        assertEquals(0, status.size());
    }

    @Test
    void exportsEverySiteSampledSoFarAndCountsTheirAlerts() {
        int last = LeakwatchConfig.MAX_SITES - 1;
        for (long t = 0; t <= 15_000; t += 500) {
            pass(t, new ContainerSample(0, 5, "java.util.HashSet"));
            pass(t, new ContainerSample(last, t, "java.util.HashMap"));
            pass(t, new ContainerSample(42, 10_000, null));
        }
        ActiveAlertCounts counts = new ActiveAlertCounts();
        List<SiteStatus> exported = sites.exportedSites(10, counts);
        assertEquals(List.of(last, 42, 0), exported.stream().map(SiteStatus::siteId).collect(Collectors.toList()));
        assertEquals("com.acme.Site#f42", exported.get(1).site());
        assertNull(exported.get(1).type());
        assertEquals(Map.of(AlertKind.CONTAINER, 1), counts.warnings());
        assertEquals(Map.of(), counts.criticals());
        assertEquals(List.of(last), sites.exportedSites(1, new ActiveAlertCounts()).stream()
                .map(SiteStatus::siteId).collect(Collectors.toList()));
    }
}
