package io.leakwatch.export.samples;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import io.leakwatch.log.AgentLog;
import io.leakwatch.log.AgentThreads;
import io.leakwatch.log.EchoedValue;
import io.leakwatch.log.SuppressedErrors;
import io.leakwatch.log.SuppressedErrors.Source;

/**
 * Writes passes of samples to {@link SamplesFile} on a thread of its own, so a slow or stuck disk never delays
 * a sampler pass. The sampler hands a pass over without waiting; when the writer is that far behind the pass
 * is dropped. A pass dropped or not written is counted ({@code leakwatch.errors.suppressed}, source
 * {@code responder}) and said once; writing goes on with the next pass.
 */
public final class SamplesWriter {

    /** A path is shown whole up to this length; a longer one is not a path anyone typed. */
    private static final int MAX_SHOWN_PATH_CHARS = 4096;

    private final SamplesFile file;
    private final BlockingQueue<byte[]> passes;

    SamplesWriter(SamplesFile file, int queuedPasses) {
        this.file = file;
        this.passes = new ArrayBlockingQueue<>(queuedPasses);
    }

    /** Starts the writer thread, which creates the file first, so a path that cannot be written is said at start. */
    public static SamplesWriter start(SamplesFile file, int queuedPasses) {
        SamplesWriter writer = new SamplesWriter(file, queuedPasses);
        writer.passes.add(new byte[0]);
        new AgentThreads("samples").newThread(writer::writeForever).start();
        return writer;
    }

    /** Never blocks; false, after counting, when the writer is {@code queuedPasses} passes behind. */
    public boolean offer(byte[] pass) {
        if (passes.offer(pass)) {
            return true;
        }
        SuppressedErrors.count(Source.RESPONDER);
        AgentLog.once("samples-file-behind:" + file.path(), "samples.file " + shownPath()
                + " is written too slowly: samples of some passes are dropped");
        return false;
    }

    private void writeForever() {
        while (true) {
            try {
                writeNext();
            } catch (InterruptedException someoneElsesHousekeeping) {
                // An application that interrupts every thread does not mean this one to stop: take the next pass.
            } catch (Throwable failure) {
                SuppressedErrors.count(Source.RESPONDER);
                AgentLog.once("samples-file:" + file.path(), "cannot write samples.file " + shownPath() + " ("
                        + failure + "); detection goes on, further failures are counted in leakwatch.errors.suppressed");
            }
        }
    }

    /** Takes one pass and writes it; visible for tests, which call it in place of the thread. */
    void writeNext() throws Exception {
        file.append(passes.take());
    }

    private String shownPath() {
        return EchoedValue.of(file.path().toString(), MAX_SHOWN_PATH_CHARS);
    }
}
