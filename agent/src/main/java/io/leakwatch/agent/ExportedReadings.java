package io.leakwatch.agent;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import java.util.function.ObjLongConsumer;

import io.leakwatch.bootstrap.LeakwatchBridge;
import io.leakwatch.export.AgentReadings;
import io.leakwatch.export.PassReport;
import io.leakwatch.heap.GcPauses;
import io.leakwatch.instrument.SkippedClasses;
import io.leakwatch.log.SuppressedErrors;
import io.leakwatch.stats.Distribution;

/**
 * What the exported metrics read: the latest pass's report, published whole through one reference, and the few
 * counters that are not a pass's to report. Those stay live because they count, since start, events on other
 * threads that no pass measures (GC pauses, errors swallowed on application or transformer threads, classes
 * skipped), and the pause and pass durations are intervals that each export takes and restarts.
 */
final class ExportedReadings implements AgentReadings {

    private final AtomicReference<PassReport> latest = new AtomicReference<>(PassReport.BEFORE_FIRST_PASS);
    private final Distribution samplerPasses = new Distribution();
    private final GcPauses gcPauses;
    private final LongSupplier transformErrors;
    private final SkippedClasses skippedClasses;

    ExportedReadings(GcPauses gcPauses, LongSupplier transformErrors, SkippedClasses skippedClasses) {
        this.gcPauses = gcPauses;
        this.transformErrors = transformErrors;
        this.skippedClasses = skippedClasses;
    }

    /** Called by the sampler thread at the end of each pass. */
    void publish(PassReport pass) {
        latest.set(pass);
        samplerPasses.recordMicros(pass.durationMicros());
    }

    @Override
    public PassReport latestPass() {
        return latest.get();
    }

    @Override
    public void gcPauses(BiConsumer<String, GcPauses.Reading> reader) {
        gcPauses.takeIntervals(reader);
    }

    @Override
    public Distribution.Interval samplerPasses() {
        return samplerPasses.takeInterval();
    }

    @Override
    public long suppressedFieldWriteErrors() {
        return LeakwatchBridge.suppressedErrors();
    }

    @Override
    public long transformErrors() {
        return transformErrors.getAsLong();
    }

    @Override
    public void suppressedErrors(ObjLongConsumer<String> reader) {
        SuppressedErrors.read(reader);
    }

    @Override
    public void skippedClasses(ObjLongConsumer<String> reader) {
        skippedClasses.read(reader);
    }
}
