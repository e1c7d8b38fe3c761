package io.leakwatch.agent;

import java.util.List;

import io.leakwatch.analysis.AnalysisSnapshot;
import io.leakwatch.analysis.LeakAnalyzer;

/**
 * After each pass, on the sampler thread: one snapshot of the analysis, taken once and handed to every reader (the
 * metrics export, {@code samples.file}), so that they report the same pass and the sites are walked once.
 */
final class PassSnapshots implements MonitoringLoop.PassListener {

    /** Reads the snapshot of each pass. */
    interface Reader {
        /** The most sites this reader reports: it gets the snapshot's first ones, those most worth reporting. */
        int sitesWanted();

        void read(long nowMillis, long passStartedNanos, AnalysisSnapshot pass);
    }

    private final LeakAnalyzer analyzer;
    private final List<Reader> readers;
    private final int sites;

    private PassSnapshots(LeakAnalyzer analyzer, List<Reader> readers) {
        this.analyzer = analyzer;
        this.readers = List.copyOf(readers);
        this.sites = readers.stream().mapToInt(Reader::sitesWanted).max().orElse(0);
    }

    /** Takes no snapshot at all when nobody reads one. */
    static MonitoringLoop.PassListener of(LeakAnalyzer analyzer, List<Reader> readers) {
        if (readers.isEmpty()) {
            return (now, started) -> { };
        }
        return new PassSnapshots(analyzer, readers);
    }

    @Override
    public void afterPass(long nowMillis, long passStartedNanos) {
        AnalysisSnapshot pass = analyzer.snapshot(sites);
        for (Reader reader : readers) {
            reader.read(nowMillis, passStartedNanos, pass.withFirstSites(reader.sitesWanted()));
        }
    }
}
