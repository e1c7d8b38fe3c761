package io.leakwatch.agent;

import java.util.List;
import java.util.function.LongSupplier;

import io.leakwatch.analysis.Alert;
import io.leakwatch.analysis.LeakAnalyzer;
import io.leakwatch.export.AlertSink;
import io.leakwatch.heap.HeapPoolMonitor;
import io.leakwatch.log.AgentLog;
import io.leakwatch.track.AbandonedSamplerPass;
import io.leakwatch.track.ContainerSampler;

/**
 * One sampler pass every interval: sizes and heap floors in, alerts of changed states out to the sinks,
 * and the pass's result published for the exported metrics.
 */
final class MonitoringLoop implements Runnable {

    private final ContainerSampler sampler;
    private final HeapPoolMonitor heap;
    private final LeakAnalyzer analyzer;
    private final List<AlertSink> sinks;
    private final LongSupplier clock;
    private final PassListener afterPass;

    MonitoringLoop(ContainerSampler sampler, HeapPoolMonitor heap, LeakAnalyzer analyzer, List<AlertSink> sinks,
            LongSupplier clock, PassListener afterPass) {
        this.sampler = sampler;
        this.heap = heap;
        this.analyzer = analyzer;
        this.sinks = List.copyOf(sinks);
        this.clock = clock;
        this.afterPass = afterPass;
    }

    /** Never throws: a scheduled task that throws would silently stop all later passes. */
    @Override
    public void run() {
        try {
            long started = System.nanoTime();
            long now = clock.getAsLong();
            List<Alert> alerts = analyzer.analyze(now, sampler.sample(), heap.drainUsages());
            for (Alert alert : alerts) {
                for (AlertSink sink : sinks) {
                    sink.deliver(alert);
                }
            }
            afterPass.afterPass(now, started);
        } catch (AbandonedSamplerPass replaced) {
            return; // SamplerSupervisor runs the loop on another thread now
        } catch (Throwable t) {
            AgentLog.once("sampler-pass", "a sampler pass failed (" + t + "); sampling goes on, further failures are not shown");
        }
    }

    /** Told after every pass that completed. */
    interface PassListener {
        void afterPass(long nowMillis, long passStartedNanos);
    }
}
