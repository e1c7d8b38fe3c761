package io.leakwatch.export;

import java.util.function.BiConsumer;
import java.util.function.ObjLongConsumer;

import io.leakwatch.heap.GcPauses;
import io.leakwatch.stats.Distribution;

/**
 * What the exported metrics read: the report of the latest pass, published whole, and the few counters that belong
 * to the process rather than to a pass. Thread-safe.
 */
public interface AgentReadings {

    /** The latest pass's report; {@link PassReport#BEFORE_FIRST_PASS} until a pass has ended. */
    PassReport latestPass();

    /** Each collector's collections so far and its durations since the previous call. */
    void gcPauses(BiConsumer<String, GcPauses.Reading> reader);

    /** Durations of the sampler's passes since the previous call. */
    Distribution.Interval samplerPasses();

    /** Errors swallowed on application threads, in instrumented field writes. */
    long suppressedFieldWriteErrors();

    /** Classes that could not be instrumented. */
    long transformErrors();

    /** Other errors swallowed since start, by source: the log, alert sinks, sampler passes, GC notifications. */
    void suppressedErrors(ObjLongConsumer<String> reader);

    /** Classes left unchanged on purpose since start, by reason. */
    void skippedClasses(ObjLongConsumer<String> reader);
}
