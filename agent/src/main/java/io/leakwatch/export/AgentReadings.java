package io.leakwatch.export;

import java.util.OptionalLong;
import java.util.function.BiConsumer;
import java.util.function.ObjLongConsumer;

import io.leakwatch.analysis.AnalysisSnapshot;
import io.leakwatch.heap.GcPauses;
import io.leakwatch.stats.Distribution;

/** What the exported metrics read: the analysis after the latest pass and the agent's own counters. Thread-safe. */
public interface AgentReadings {

    AnalysisSnapshot analysis();

    /** The latest estimate of what a site's largest container keeps alive. */
    OptionalLong retainedBytes(int siteId);

    /** Each collector's collections so far and its durations since the previous call. */
    void gcPauses(BiConsumer<String, GcPauses.Reading> reader);

    /** Durations of the sampler's passes since the previous call. */
    Distribution.Interval samplerPasses();

    long trackedContainers();

    long unsampledContainers();

    /**
     * Data really lost to the agent's bounds: containers refused because the registry held its maximum,
     * and fields left uninstrumented because the site table was full. A full site is not counted here.
     */
    long droppedRegistrations();

    /** Sites whose few slots are all taken: normal sampling of a busy field, not lost data. */
    long fullSites();

    /** Errors swallowed on application threads, in instrumented field writes. */
    long suppressedFieldWriteErrors();

    /** Classes that could not be instrumented. */
    long transformErrors();

    /** {@code size()} calls that threw or were too slow. */
    long failedSizeCalls();

    /** Other errors swallowed since start, by source: the log, alert sinks, sampler passes, GC notifications. */
    void suppressedErrors(ObjLongConsumer<String> reader);

    /** Classes left unchanged on purpose since start, by reason. */
    void skippedClasses(ObjLongConsumer<String> reader);
}
