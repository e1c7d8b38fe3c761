package io.leakwatch.agent;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.leakwatch.config.LeakwatchConfig;
import io.leakwatch.log.AgentLog;
import io.leakwatch.log.AgentThreads;
import io.leakwatch.log.SuppressedErrors;
import io.leakwatch.log.SuppressedErrors.Source;
import io.leakwatch.track.SizeCallWatch;

/**
 * Keeps the monitoring loop running when a size() call never returns (a library wrapper around
 * application code, waiting on a lock the application holds for good). A {@code leakwatch-watchdog}
 * thread gives up on a call stuck past {@link LeakwatchConfig#STUCK_SIZE_CALL_NANOS}, which also stops
 * that type from being called again, says so once, and runs the loop on a new sampler thread; the stuck
 * thread, if it ever returns, finds itself replaced and ends its pass. Replacements are bounded.
 */
final class SamplerSupervisor {

    private final MonitoringLoop loop;
    private final SizeCallWatch sizeCalls;
    private final long intervalMillis;
    private final LongSupplier nanoClock;
    private int replacements;

    private SamplerSupervisor(MonitoringLoop loop, SizeCallWatch sizeCalls, long intervalMillis,
            LongSupplier nanoClock) {
        this.loop = loop;
        this.sizeCalls = sizeCalls;
        this.intervalMillis = intervalMillis;
        this.nanoClock = nanoClock;
    }

    /**
     * Starts the watchdog, then runs {@code loop} every interval on the calling thread (the first sampler
     * thread) until the watchdog gives one of its passes up.
     */
    static void start(MonitoringLoop loop, SizeCallWatch sizeCalls, long intervalMillis) {
        SamplerSupervisor supervisor = new SamplerSupervisor(loop, sizeCalls, intervalMillis, System::nanoTime);
        new AgentThreads("watchdog").newThread(supervisor::watch).start();
        loop.runEvery(intervalMillis);
    }

    /**
     * The watchdog's own loop, for the JVM's lifetime. Not an executor's periodic task, for the same reason as
     * {@link MonitoringLoop#runEvery}: an {@code OutOfMemoryError} in the executor's code would end it for good.
     */
    private void watch() {
        long periodMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(LeakwatchConfig.STUCK_SIZE_CALL_NANOS) / 4);
        while (true) {
            check();
            try {
                Thread.sleep(periodMillis);
            } catch (Throwable interruptedOrOutOfMemory) {
                // Someone else's housekeeping, not a request to stop watching.
            }
        }
    }

    /** On the watchdog thread. Never throws: that would end the watch. */
    private void check() {
        try {
            String stuckType = sizeCalls.abandonIfStuck(nanoClock.getAsLong(), LeakwatchConfig.STUCK_SIZE_CALL_NANOS);
            if (stuckType != null) {
                replaceSamplerThread(stuckType);
            }
        } catch (Throwable t) {
            SuppressedErrors.count(Source.WATCHDOG);
        }
    }

    private void replaceSamplerThread(String stuckType) {
        long seconds = TimeUnit.NANOSECONDS.toSeconds(LeakwatchConfig.STUCK_SIZE_CALL_NANOS);
        if (replacements >= LeakwatchConfig.MAX_SAMPLER_REPLACEMENTS) {
            AgentLog.once("stuck-sampler", "size() of " + stuckType + " has not returned for " + seconds
                    + " s and the sampler was replaced " + replacements + " times already; container sampling stops");
            return;
        }
        replacements++;
        AgentLog.line("size() of " + stuckType + " has not returned for " + seconds + " s; containers of that type"
                + " are no longer sampled, the others are, on a new sampler thread");
        new AgentThreads("sampler").newThread(() -> loop.runEvery(intervalMillis)).start();
    }
}
