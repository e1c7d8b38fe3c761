package io.leakwatch.agent;

import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import java.util.function.ObjLongConsumer;

import io.leakwatch.analysis.AnalysisSnapshot;
import io.leakwatch.bootstrap.LeakwatchBridge;
import io.leakwatch.export.AgentReadings;
import io.leakwatch.heap.GcPauses;
import io.leakwatch.instrument.SkippedClasses;
import io.leakwatch.log.SuppressedErrors;
import io.leakwatch.stats.Distribution;
import io.leakwatch.track.ContainerRegistry;
import io.leakwatch.track.ContainerSampler;
import io.leakwatch.track.RetainedEstimates;

/** The running agent's state as the exported metrics read it: the latest pass, published whole, and live counters. */
final class LiveReadings implements AgentReadings {

    private final AtomicReference<AnalysisSnapshot> latest = new AtomicReference<>(AnalysisSnapshot.EMPTY);
    private final Distribution samplerPasses = new Distribution();
    private final ContainerRegistry registry;
    private final ContainerSampler sampler;
    private final RetainedEstimates retained;
    private final GcPauses gcPauses;
    private final LongSupplier transformErrors;
    private final SkippedClasses skippedClasses;
    private final LongSupplier refusedSites;

    LiveReadings(ContainerRegistry registry, ContainerSampler sampler, RetainedEstimates retained, GcPauses gcPauses,
            LongSupplier transformErrors, SkippedClasses skippedClasses, LongSupplier refusedSites) {
        this.registry = registry;
        this.sampler = sampler;
        this.retained = retained;
        this.gcPauses = gcPauses;
        this.transformErrors = transformErrors;
        this.skippedClasses = skippedClasses;
        this.refusedSites = refusedSites;
    }

    /** Called by the sampler thread after each pass. */
    void publish(AnalysisSnapshot snapshot, long passMicros) {
        latest.set(snapshot);
        samplerPasses.recordMicros(passMicros);
    }

    @Override
    public AnalysisSnapshot analysis() {
        return latest.get();
    }

    @Override
    public OptionalLong retainedBytes(int siteId) {
        return retained.latest(siteId);
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
    public long trackedContainers() {
        return registry.trackedInstances();
    }

    @Override
    public long unsampledContainers() {
        return sampler.unsampledContainers();
    }

    @Override
    public long droppedRegistrations() {
        return registry.droppedRegistrations() + refusedSites.getAsLong();
    }

    @Override
    public long fullSites() {
        return registry.fullSites();
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
    public long failedSizeCalls() {
        return sampler.failedSizeCalls() + sampler.slowSizeCalls();
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
