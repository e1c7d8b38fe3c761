package io.leakwatch.agent;

import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

import io.leakwatch.analysis.AnalysisSnapshot;
import io.leakwatch.analysis.SiteStatus;
import io.leakwatch.config.LeakwatchConfig;
import io.leakwatch.export.samples.SampleLines;
import io.leakwatch.export.samples.SamplesFile;
import io.leakwatch.export.samples.SamplesWriter;
import io.leakwatch.log.AgentLog;
import io.leakwatch.log.SuppressedErrors;
import io.leakwatch.log.SuppressedErrors.Source;
import io.leakwatch.track.RetainedEstimates;

/**
 * After each pass, on the sampler thread: the pass's samples of the sites most worth keeping and of every pool,
 * handed to the {@code samples.file} writer. Costs one walk over the sites' latest state and a few lines of text.
 */
final class SamplesRecorder implements PassSnapshots.Reader {

    private final RetainedEstimates retained;
    private final SamplesWriter writer;

    SamplesRecorder(RetainedEstimates retained, SamplesWriter writer) {
        this.retained = retained;
        this.writer = writer;
    }

    /** The recorder when {@code samples.file} is set and its writer starts; empty, after one line, if it cannot. */
    static Optional<SamplesRecorder> start(LeakwatchConfig config, RetainedEstimates retained) {
        Optional<Path> file = config.responses().samplesFile();
        if (!file.isPresent()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SamplesRecorder(retained, SamplesWriter.start(new SamplesFile(file.get(),
                    LeakwatchConfig.SAMPLES_FILE_MAX_BYTES), LeakwatchConfig.SAMPLES_QUEUED_PASSES)));
        } catch (Throwable t) {
            AgentLog.line("could not start writing samples.file (" + t + "); continuing without it");
            return Optional.empty();
        }
    }

    @Override
    public int sitesWanted() {
        return LeakwatchConfig.SAMPLED_SITES_PER_PASS;
    }

    /** Never throws: a failure here costs this pass's samples, not the pass. */
    @Override
    public void read(long nowMillis, long passStartedNanos, AnalysisSnapshot pass) {
        try {
            for (SiteStatus site : pass.sites()) {
                retained.refresh(site.siteId(), nowMillis);
            }
            // Only an estimate taken in this pass: a chart of the latest one would draw a minute-old value as new.
            writer.offer(SampleLines.of(nowMillis, pass, id -> retained.takenAtMillis(id) == nowMillis
                    ? retained.latest(id) : OptionalLong.empty()));
        } catch (Throwable failure) {
            SuppressedErrors.count(Source.RESPONDER);
            try {
                AgentLog.once("samples-pass", "could not take a pass's samples for samples.file (" + failure
                        + "); sampling goes on, further failures are counted in leakwatch.errors.suppressed");
            } catch (Throwable unprintable) {
                // Building the line can fail as the samples did (the heap is full); the failure is already counted.
            }
        }
    }
}
