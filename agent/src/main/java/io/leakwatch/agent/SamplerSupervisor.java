package io.leakwatch.agent;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import io.leakwatch.config.LeakwatchConfig;
import io.leakwatch.log.AgentLog;
import io.leakwatch.track.SizeCallWatch;

/**
 * Keeps the monitoring loop running when a size() call never returns (a library wrapper around
 * application code, waiting on a lock the application holds for good). A {@code leakwatch-watchdog}
 * thread gives up on a call stuck past {@link LeakwatchConfig#STUCK_SIZE_CALL_NANOS}, which also stops
 * that type from being called again, says so once, and runs the loop on a new sampler thread; the stuck
 * thread, if it ever returns, finds itself replaced and ends its pass. Replacements are bounded.
 */
final class SamplerSupervisor {

    private final Runnable loop;
    private final SizeCallWatch sizeCalls;
    private final long intervalMillis;
    private final LongSupplier nanoClock;
    private ScheduledExecutorService samplerThread;
    private int replacements;

    private SamplerSupervisor(Runnable loop, SizeCallWatch sizeCalls, ScheduledExecutorService samplerThread,
            long intervalMillis, LongSupplier nanoClock) {
        this.loop = loop;
        this.sizeCalls = sizeCalls;
        this.samplerThread = samplerThread;
        this.intervalMillis = intervalMillis;
        this.nanoClock = nanoClock;
    }

    /** Runs {@code loop} every interval on {@code samplerThread}, watched from a thread of its own. */
    static void start(Runnable loop, SizeCallWatch sizeCalls, ScheduledExecutorService samplerThread,
            long intervalMillis) {
        SamplerSupervisor supervisor = new SamplerSupervisor(loop, sizeCalls, samplerThread, intervalMillis,
                System::nanoTime);
        samplerThread.scheduleWithFixedDelay(loop, 0, intervalMillis, TimeUnit.MILLISECONDS);
        ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(new AgentThreads("watchdog"));
        long period = Math.max(1, TimeUnit.NANOSECONDS.toMillis(LeakwatchConfig.STUCK_SIZE_CALL_NANOS) / 4);
        watchdog.scheduleWithFixedDelay(supervisor::check, period, period, TimeUnit.MILLISECONDS);
    }

    /** On the watchdog thread. Never throws: that would end the watch. */
    private void check() {
        try {
            String stuckType = sizeCalls.abandonIfStuck(nanoClock.getAsLong(), LeakwatchConfig.STUCK_SIZE_CALL_NANOS);
            if (stuckType != null) {
                replaceSamplerThread(stuckType);
            }
        } catch (Throwable t) {
            AgentLog.once("watchdog", "the sampler watchdog failed (" + t + "); a stuck size() call may stop sampling");
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
        samplerThread.shutdown();
        samplerThread = Executors.newSingleThreadScheduledExecutor(new AgentThreads("sampler"));
        samplerThread.scheduleWithFixedDelay(loop, 0, intervalMillis, TimeUnit.MILLISECONDS);
    }
}
