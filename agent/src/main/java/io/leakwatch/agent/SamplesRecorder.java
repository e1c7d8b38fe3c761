package io.leakwatch.agent;

import java.nio.file.Path;
import java.util.Optional;

import io.leakwatch.config.LeakwatchConfig;
import io.leakwatch.export.PassReport;
import io.leakwatch.export.samples.SampleLines;
import io.leakwatch.export.samples.SamplesFile;
import io.leakwatch.export.samples.SamplesWriter;
import io.leakwatch.log.AgentLog;
import io.leakwatch.log.SuppressedErrors;
import io.leakwatch.log.SuppressedErrors.Source;

/**
 * After each pass, on the sampler thread: the pass's samples of the sites most worth keeping and of every pool,
 * handed to the {@code samples.file} writer. Costs one walk over the sites' latest state and a few lines of text.
 */
final class SamplesRecorder implements PassReports.Reader {

    private final SamplesWriter writer;

    SamplesRecorder(SamplesWriter writer) {
        this.writer = writer;
    }

    /** The recorder when {@code samples.file} is set and its writer starts; empty, after one line, if it cannot. */
    static Optional<SamplesRecorder> start(LeakwatchConfig config) {
        Optional<Path> file = config.responses().samplesFile();
        if (!file.isPresent()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new SamplesRecorder(SamplesWriter.start(new SamplesFile(file.get(),
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
    public void read(PassReport pass) {
        try {
            // Only an estimate taken in this pass: a chart of the latest one would draw a minute-old value as new.
            writer.offer(SampleLines.of(pass.timeMillis(), pass.analysis(), pass::retainedBytesEstimatedInPass));
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
