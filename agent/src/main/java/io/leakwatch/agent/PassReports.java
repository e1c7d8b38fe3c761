package io.leakwatch.agent;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import io.leakwatch.analysis.AnalysisSnapshot;
import io.leakwatch.analysis.LeakAnalyzer;
import io.leakwatch.analysis.SiteStatus;
import io.leakwatch.export.PassReport;
import io.leakwatch.export.TrackingCounts;
import io.leakwatch.track.RetainedEstimates;

/**
 * The last step of each pass, on the sampler thread: one snapshot of the analysis, the retained-bytes estimates of
 * its sites (taken now where older than the refresh period) and the tracking counters, made into one
 * {@link PassReport} that every reader of the pass (the metrics export, {@code samples.file}) is handed, so that
 * they report the same pass and the sites are walked once.
 */
final class PassReports implements MonitoringLoop.PassListener {

    /** Reads the report of each pass. */
    interface Reader {
        /** The most sites this reader reports: it gets the report's first ones, those most worth reporting. */
        int sitesWanted();

        void read(PassReport pass);
    }

    private final LeakAnalyzer analyzer;
    private final RetainedEstimates retained;
    private final Supplier<TrackingCounts> counters;
    private final List<Reader> readers;
    private final int sites;

    private PassReports(LeakAnalyzer analyzer, RetainedEstimates retained, Supplier<TrackingCounts> counters,
            List<Reader> readers) {
        this.analyzer = analyzer;
        this.retained = retained;
        this.counters = counters;
        this.readers = List.copyOf(readers);
        this.sites = readers.stream().mapToInt(Reader::sitesWanted).max().orElse(0);
    }

    /** Makes no report at all, and so takes no estimate for one, when nobody reads it. */
    static MonitoringLoop.PassListener of(LeakAnalyzer analyzer, RetainedEstimates retained,
            Supplier<TrackingCounts> counters, List<Reader> readers) {
        if (readers.isEmpty()) {
            return (now, started) -> { };
        }
        return new PassReports(analyzer, retained, counters, readers);
    }

    @Override
    public void afterPass(long nowMillis, long passStartedNanos) {
        PassReport pass = report(nowMillis, passStartedNanos);
        for (Reader reader : readers) {
            reader.read(pass.withFirstSites(reader.sitesWanted()));
        }
    }

    private PassReport report(long nowMillis, long passStartedNanos) {
        AnalysisSnapshot analysis = analyzer.snapshot(sites);
        Map<Integer, Long> retainedBytes = new HashMap<>();
        Set<Integer> estimatedInPass = new HashSet<>();
        for (SiteStatus site : analysis.sites()) {
            int id = site.siteId();
            // A site alerted in this pass was estimated for its alert already: its report shows that estimate.
            retained.refresh(id, nowMillis);
            retained.latest(id).ifPresent(bytes -> retainedBytes.put(id, bytes));
            if (retained.takenAt(id, nowMillis)) {
                estimatedInPass.add(id);
            }
        }
        TrackingCounts counts = counters.get();
        long durationMicros = (System.nanoTime() - passStartedNanos) / 1000;
        return new PassReport(nowMillis, durationMicros, analysis, retainedBytes, estimatedInPass, counts);
    }
}
