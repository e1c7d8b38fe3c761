package io.leakwatch.bench;

import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.leakwatch.analysis.LeakAnalyzer;
import io.leakwatch.bootstrap.LeakwatchBridge;
import io.leakwatch.config.ConfigException;
import io.leakwatch.config.ConfigParser;
import io.leakwatch.config.LeakwatchConfig;
import io.leakwatch.track.ContainerRegistry;
import io.leakwatch.track.ContainerSampler;

/**
 * Heap the agent's own structures retain (registry, sampler, per-site series and states) after 1M
 * registrations across 10k sites, after the application replaces all its containers three times, and
 * after it drops them. Measured as used heap after a full collection, against the same application
 * without those structures.
 */
public final class AgentFootprint {

    private static final int SITES = 10_000;
    private static final int REGISTRATIONS = 1_000_000;
    private static final long INTERVAL_MILLIS = 10_000;

    /**
     * With the bridge's countdowns, pauses and last held references, as in the agent: a registry of its own would
     * count a second set.
     */
    private final ContainerRegistry registry = new ContainerRegistry(LeakwatchBridge.claimWritesToLetPass(),
            LeakwatchBridge.claimPauses(), LeakwatchBridge.claimLastHeld(), LeakwatchConfig.INSTANCES_PER_SITE,
            LeakwatchConfig.MAX_TRACKED_INSTANCES);
    private final ContainerSampler sampler = new ContainerSampler(registry, null, LeakwatchConfig.MAX_SITES,
            LeakwatchConfig.SLOW_SIZE_CALL_NANOS, System::nanoTime);
    private final LeakAnalyzer analyzer;
    private long now;

    private AgentFootprint() throws ConfigException {
        LeakwatchConfig config = new ConfigParser(notice -> { }).parse("interval=10s,window=5m", Map.of(), Map.of());
        analyzer = new LeakAnalyzer(config, id -> "com.acme.Site" + id + "#items");
    }

    public static void main(String[] args) throws ConfigException {
        System.out.println(String.join("\n", measure()));
    }

    /** The report, one line per phase. */
    static List<String> measure() throws ConfigException {
        List<String> report = new ArrayList<>();
        long empty = usedAfterGc();
        List<Object> application = containers();
        long applicationOnly = usedAfterGc();
        report.add(String.format("application: %,d containers, %.1f MB", REGISTRATIONS, mb(applicationOnly - empty)));

        AgentFootprint agent = new AgentFootprint();
        agent.registerAll(application);
        agent.passes(40);
        report.add(String.format("agent after %,d registrations across %,d sites: %.1f MB (%,d containers tracked)",
                REGISTRATIONS, SITES, mb(usedAfterGc() - applicationOnly), agent.registry.trackedInstances()));
        Reference.reachabilityFence(application);
        for (int round = 1; round <= 3; round++) {
            application = containers();
            // As in a running service, collections clear the old containers' references before the next
            // pass prunes them and the new containers are written.
            usedAfterGc();
            agent.passes(1);
            agent.registerAll(application);
            agent.passes(40);
            report.add(String.format("agent after churn round %d (all containers replaced): %.1f MB (%,d tracked)",
                    round, mb(usedAfterGc() - applicationOnly), agent.registry.trackedInstances()));
            // The application's containers must stay alive through the measurement, as a service's would.
            Reference.reachabilityFence(application);
        }
        application = null;
        usedAfterGc();
        agent.passes(40);
        report.add(String.format("agent after the application dropped every container: %.1f MB (%,d tracked)",
                mb(usedAfterGc() - empty), agent.registry.trackedInstances()));
        return report;
    }

    private static List<Object> containers() {
        List<Object> containers = new ArrayList<>(REGISTRATIONS);
        for (int i = 0; i < REGISTRATIONS; i++) {
            containers.add(new ArrayList<>(0));
        }
        return containers;
    }

    private void registerAll(List<Object> containers) {
        for (int i = 0; i < containers.size(); i++) {
            registry.onFieldWrite(containers.get(i), i % SITES);
        }
    }

    /** Sampler passes a window's worth apart, so that every site's series is full. */
    private void passes(int count) {
        for (int i = 0; i < count; i++) {
            now += INTERVAL_MILLIS;
            analyzer.analyze(now, sampler.sample(), List.of());
        }
        analyzer.snapshot(LeakwatchConfig.MAX_EXPORTED_SITES_LIMIT);
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            ManagementFactory.getMemoryMXBean().gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }
}
