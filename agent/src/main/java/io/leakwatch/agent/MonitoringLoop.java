package io.leakwatch.agent;

import java.util.List;
import java.util.function.LongSupplier;

import io.leakwatch.analysis.Alert;
import io.leakwatch.analysis.LeakAnalyzer;
import io.leakwatch.export.AlertFanOut;
import io.leakwatch.export.AlertSink;
import io.leakwatch.heap.HeapPoolMonitor;
import io.leakwatch.log.AgentLog;
import io.leakwatch.log.SuppressedErrors;
import io.leakwatch.log.SuppressedErrors.Source;
import io.leakwatch.track.AbandonedSamplerPass;
import io.leakwatch.track.ContainerSampler;

/**
 * One sampler pass every interval, data flowing one way: the sampler measures sizes and the heap monitor floors,
 * the analysis judges them, the alerted sites are measured for their alerts, the alerts go out to the sinks, and
 * the pass's report is handed to its readers. Nothing an application does to its streams,
 * its threads or its heap stops the passes for good.
 */
final class MonitoringLoop implements Runnable {

    private final ContainerSampler sampler;
    private final HeapPoolMonitor heap;
    private final LeakAnalyzer analyzer;
    private final AlertEstimates alertEstimates;
    private final AlertFanOut sinks;
    private final AlertFanOut responders;
    private final LongSupplier clock;
    private final PassListener afterPass;

    /**
     * @param sinks      report each alert (log, events file, OTLP)
     * @param responders then answer it (evidence, heap dump, action), each returning at once
     */
    MonitoringLoop(ContainerSampler sampler, HeapPoolMonitor heap, LeakAnalyzer analyzer,
            AlertEstimates alertEstimates, AlertFanOut sinks, List<AlertSink> responders, LongSupplier clock,
            PassListener afterPass) {
        this.sampler = sampler;
        this.heap = heap;
        this.analyzer = analyzer;
        this.alertEstimates = alertEstimates;
        this.sinks = sinks;
        this.responders = new AlertFanOut(responders);
        this.clock = clock;
        this.afterPass = afterPass;
        // Loads and initialises the counters the error handler needs now: a class first needed while the heap
        // is full may fail to initialise, and a class that failed to initialise stays unusable for good.
        SuppressedErrors.total(Source.SAMPLER_PASS);
    }

    /**
     * Runs a pass every {@code intervalMillis} on the calling thread, for the JVM's lifetime. A loop of its
     * own rather than an executor's periodic task: an {@code OutOfMemoryError} in the executor's own code
     * (re-queueing the task, replacing a dead worker) drops a periodic task for good, and so would an
     * application that interrupts every thread (an undeploy "thread cleaner", say). Nothing escapes here.
     * Returns only when the watchdog gave this thread's pass up and runs the loop on another thread.
     */
    void runEvery(long intervalMillis) {
        while (true) {
            try {
                if (!passUnlessReplaced()) {
                    return;
                }
            } catch (Throwable escapedItsHandler) {
                // The pass catches everything itself; only a failure of its own handler (out of memory) lands here.
            }
            pause(intervalMillis);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (Throwable interruptedOrOutOfMemory) {
            // An interrupt is someone else's housekeeping, not a request to stop watching: the next pass runs.
        }
    }

    /**
     * One pass. Never throws: a pass that throws would end {@link #runEvery}. Whatever fails (an
     * {@code OutOfMemoryError} while the application fills the heap, a sink, the log) costs this pass only.
     */
    @Override
    public void run() {
        passUnlessReplaced();
    }

    /** One pass; false when the watchdog gave it up (a stuck size() call) and another thread took over. */
    private boolean passUnlessReplaced() {
        try {
            long started = System.nanoTime();
            long now = clock.getAsLong();
            List<Alert> judged = analyzer.analyze(now, sampler.sample(), heap.drainUsages());
            List<Alert> alerts = alertEstimates.measure(now, judged);
            for (Alert alert : alerts) {
                sinks.deliver(alert);
            }
            for (Alert alert : alerts) {
                responders.deliver(alert);
            }
            afterPass.afterPass(now, started);
            return true;
        } catch (AbandonedSamplerPass replaced) {
            return false;
        } catch (Throwable failure) {
            SuppressedErrors.count(Source.SAMPLER_PASS);
            reportOnce(failure);
            return true;
        }
    }

    private static void reportOnce(Throwable failure) {
        try {
            AgentLog.once("sampler-pass", "a sampler pass failed (" + failure
                    + "); sampling goes on, further failures are counted in leakwatch.errors.suppressed");
        } catch (Throwable unprintable) {
            // Building the line can fail as the pass did (the heap is still full); the failure is already counted.
        }
    }

    /** Told at the end of every pass that completed, on the sampler thread. */
    interface PassListener {
        void afterPass(long nowMillis, long passStartedNanos);
    }
}
