package io.leakwatch.export;

import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

import io.leakwatch.analysis.AnalysisSnapshot;

/**
 * Everything one sampler pass found, as every exporter reads it: the analysis of the sites worth reporting, what
 * those sites' containers keep alive, and the tracking counters, all as of the end of the pass. Built once on the
 * sampler thread and never changed, so that a reader on another thread sees one pass whole.
 */
public final class PassReport {

    /** What export reads before the first pass has ended. */
    public static final PassReport BEFORE_FIRST_PASS = new PassReport(0, 0, AnalysisSnapshot.EMPTY, Map.of(),
            Set.of(), TrackingCounts.NONE);

    private final long timeMillis;
    private final long durationMicros;
    private final AnalysisSnapshot analysis;
    private final Map<Integer, Long> retainedBytes;
    private final Set<Integer> estimatedInPass;
    private final TrackingCounts counts;

    /**
     * @param retainedBytes   the latest retained-bytes estimate of each of the analysis's sites that has one
     * @param estimatedInPass the sites whose estimate this pass took (or tried to)
     */
    public PassReport(long timeMillis, long durationMicros, AnalysisSnapshot analysis, Map<Integer, Long> retainedBytes,
            Set<Integer> estimatedInPass, TrackingCounts counts) {
        this.timeMillis = timeMillis;
        this.durationMicros = durationMicros;
        this.analysis = analysis;
        this.retainedBytes = Map.copyOf(retainedBytes);
        this.estimatedInPass = Set.copyOf(estimatedInPass);
        this.counts = counts;
    }

    /** When the pass ran, in milliseconds since the epoch. */
    public long timeMillis() {
        return timeMillis;
    }

    /** How long the pass took, from its start to the end of this report. */
    public long durationMicros() {
        return durationMicros;
    }

    public AnalysisSnapshot analysis() {
        return analysis;
    }

    /** The latest estimate of what a reported site's largest container keeps alive, however old. */
    public OptionalLong retainedBytes(int siteId) {
        Long bytes = retainedBytes.get(siteId);
        return bytes == null ? OptionalLong.empty() : OptionalLong.of(bytes);
    }

    /** The site's estimate only if this pass took it: a chart of an older one would draw it as new. */
    public OptionalLong retainedBytesEstimatedInPass(int siteId) {
        return estimatedInPass.contains(siteId) ? retainedBytes(siteId) : OptionalLong.empty();
    }

    public TrackingCounts counts() {
        return counts;
    }

    /** The same pass with only its first {@code maxSites} sites, those most worth reporting. */
    public PassReport withFirstSites(int maxSites) {
        AnalysisSnapshot fewer = analysis.withFirstSites(maxSites);
        if (fewer == analysis) {
            return this;
        }
        return new PassReport(timeMillis, durationMicros, fewer, retainedBytes, estimatedInPass, counts);
    }
}
