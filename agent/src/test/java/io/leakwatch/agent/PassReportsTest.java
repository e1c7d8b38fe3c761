package io.leakwatch.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.leakwatch.analysis.AnalysisSnapshot;
import io.leakwatch.analysis.LeakAnalyzer;
import io.leakwatch.analysis.SiteStatus;
import io.leakwatch.config.ConfigParser;
import io.leakwatch.config.LeakwatchConfig;
import io.leakwatch.export.PassReport;
import io.leakwatch.export.TrackingCounts;
import io.leakwatch.track.ContainerSample;
import io.leakwatch.track.RetainedEstimates;
import io.leakwatch.track.SiteEstimate;

class PassReportsTest {

    private static final long REFRESH_MILLIS = 60_000;

    /** A reader that keeps what it was handed. */
    private static final class Kept implements PassReports.Reader {
        final int sites;
        final List<PassReport> passes = new ArrayList<>();

        Kept(int sites) {
            this.sites = sites;
        }

        @Override
        public int sitesWanted() {
            return sites;
        }

        @Override
        public void read(PassReport pass) {
            passes.add(pass);
        }
    }

    private final int[] estimatesTaken = new int[100];
    private final SiteEstimate[] sites = Stream.generate(SiteEstimate::new).limit(100).toArray(SiteEstimate[]::new);
    /** Site {@code id}'s {@code n}th estimate is {@code 1000 * id + n}, so that every estimate differs. */
    private final RetainedEstimates retained = new RetainedEstimates(
            id -> OptionalLong.of(1_000L * id + ++estimatesTaken[id]), id -> sites[id], REFRESH_MILLIS);

    private static LeakAnalyzer analyzerOfHundredSites() throws Exception {
        LeakwatchConfig config = new ConfigParser(notice -> { }).parse("interval=500ms,window=10s", Map.of(), Map.of());
        LeakAnalyzer analyzer = new LeakAnalyzer(config, id -> "com.acme.Site#f" + id);
        List<ContainerSample> samples = new ArrayList<>();
        for (int id = 0; id < 100; id++) {
            samples.add(new ContainerSample(id, id, "java.util.HashMap"));
        }
        analyzer.analyze(1_000, samples, List.of());
        return analyzer;
    }

    @Test
    void everyReaderGetsTheFirstSitesOfTheSamePass() throws Exception {
        LeakAnalyzer analyzer = analyzerOfHundredSites();
        Kept metrics = new Kept(5);
        Kept samplesFile = new Kept(50);
        TrackingCounts counts = new TrackingCounts(7, 1, 2, 3, 4);

        PassReports.of(analyzer, retained, () -> counts, List.of(metrics, samplesFile))
                .afterPass(1_000, System.nanoTime());

        assertEquals(1, metrics.passes.size());
        PassReport samplesPass = samplesFile.passes.get(0);
        PassReport metricsPass = metrics.passes.get(0);
        assertEquals(50, samplesPass.analysis().sites().size());
        List<SiteStatus> firstFive = samplesPass.analysis().sites().subList(0, 5);
        assertEquals(firstFive, metricsPass.analysis().sites(), "the metrics' sites lead the samples' sites");
        assertEquals(names(analyzer.snapshot(5)), names(metricsPass.analysis()),
                "the same sites a snapshot of five would have chosen");
        assertSame(samplesPass.analysis().pools(), metricsPass.analysis().pools());
        assertSame(counts, metricsPass.counts(), "the counters read once, at the end of the pass");
        assertSame(counts, samplesPass.counts());
        assertEquals(1_000, metricsPass.timeMillis());
    }

    @Test
    void reportedSitesAreEstimatedOncePerRefreshPeriodAndOthersNever() throws Exception {
        LeakAnalyzer analyzer = analyzerOfHundredSites();
        Kept metrics = new Kept(3);
        MonitoringLoop.PassListener reports = PassReports.of(analyzer, retained, () -> TrackingCounts.NONE,
                List.of(metrics));

        reports.afterPass(1_000, System.nanoTime());
        reports.afterPass(1_500, System.nanoTime());
        reports.afterPass(1_000 + REFRESH_MILLIS, System.nanoTime());

        List<Integer> reported = metrics.passes.get(0).analysis().sites().stream().map(SiteStatus::siteId)
                .collect(Collectors.toList());
        assertEquals(List.of(99, 98, 97), reported, "the largest sites, none growing yet");
        for (int id = 0; id < 100; id++) {
            assertEquals(reported.contains(id) ? 2 : 0, estimatesTaken[id], "estimates of site " + id);
        }
        PassReport first = metrics.passes.get(0);
        PassReport second = metrics.passes.get(1);
        PassReport third = metrics.passes.get(2);
        assertEquals(OptionalLong.of(99_001), first.retainedBytes(99));
        assertEquals(OptionalLong.of(99_001), first.retainedBytesEstimatedInPass(99));
        assertEquals(OptionalLong.of(99_001), second.retainedBytes(99), "the latest estimate, however old");
        assertEquals(OptionalLong.empty(), second.retainedBytesEstimatedInPass(99), "not taken in that pass");
        assertEquals(OptionalLong.of(99_002), third.retainedBytesEstimatedInPass(99), "a period later, again");
        assertTrue(first.retainedBytes(0).isEmpty(), "a site not reported is not in the report");
    }

    @Test
    void nobodyReadingMeansNoEstimateIsTaken() throws Exception {
        PassReports.of(analyzerOfHundredSites(), retained, () -> TrackingCounts.NONE, List.of())
                .afterPass(1_000, System.nanoTime());
        for (int taken : estimatesTaken) {
            assertEquals(0, taken);
        }
    }

    private static List<String> names(AnalysisSnapshot pass) {
        return pass.sites().stream().map(SiteStatus::site).collect(Collectors.toList());
    }
}
