package io.leakwatch.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.leakwatch.analysis.AnalysisSnapshot;
import io.leakwatch.analysis.LeakAnalyzer;
import io.leakwatch.analysis.SiteStatus;
import io.leakwatch.config.ConfigParser;
import io.leakwatch.config.LeakwatchConfig;
import io.leakwatch.track.ContainerSample;

class PassSnapshotsTest {

    /** A reader that keeps what it was handed. */
    private static final class Kept implements PassSnapshots.Reader {
        final int sites;
        final List<AnalysisSnapshot> passes = new ArrayList<>();

        Kept(int sites) {
            this.sites = sites;
        }

        @Override
        public int sitesWanted() {
            return sites;
        }

        @Override
        public void read(long nowMillis, long passStartedNanos, AnalysisSnapshot pass) {
            passes.add(pass);
        }
    }

    @Test
    void everyReaderGetsTheFirstSitesOfTheSamePass() throws Exception {
        LeakwatchConfig config = new ConfigParser(notice -> { }).parse("interval=500ms,window=10s", Map.of(), Map.of());
        LeakAnalyzer analyzer = new LeakAnalyzer(config, id -> "com.acme.Site#f" + id);
        List<ContainerSample> samples = new ArrayList<>();
        for (int id = 0; id < 100; id++) {
            samples.add(new ContainerSample(id, id, "java.util.HashMap"));
        }
        analyzer.analyze(1_000, samples, List.of());
        Kept metrics = new Kept(5);
        Kept samplesFile = new Kept(50);

        PassSnapshots.of(analyzer, List.of(metrics, samplesFile)).afterPass(1_000, System.nanoTime());

        assertEquals(1, metrics.passes.size());
        assertEquals(50, samplesFile.passes.get(0).sites().size());
        List<SiteStatus> firstFive = samplesFile.passes.get(0).sites().subList(0, 5);
        assertEquals(firstFive, metrics.passes.get(0).sites(), "the metrics' sites lead the samples' sites");
        assertEquals(names(analyzer.snapshot(5)), names(metrics.passes.get(0)),
                "the same sites a snapshot of five would have chosen");
        assertSame(samplesFile.passes.get(0).pools(), metrics.passes.get(0).pools());
    }

    private static List<String> names(AnalysisSnapshot pass) {
        return pass.sites().stream().map(SiteStatus::site).collect(Collectors.toList());
    }
}
