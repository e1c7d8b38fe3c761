package io.leakwatch.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

import io.leakwatch.config.LeakwatchConfig;
import io.leakwatch.track.ContainerRegistry;
import io.leakwatch.track.ContainerSample;
import io.leakwatch.track.ContainerSampler;

/**
 * The agent's own structures, driven directly (no instrumentation): the first sight of a container (at a new site,
 * and at a site that already holds one), and
 * one sampler pass over 1k, 10k and 100k tracked containers.
 */
@BenchmarkMode(Mode.AverageTime)
public class RegistryBenchmark {

    /** A fresh registry for every invocation, so that each write is the first sight of its container. */
    @State(Scope.Thread)
    public static class FirstSight {
        static final int SITES = 4096;
        final Object[] containers = new Object[SITES];
        ContainerRegistry registry;

        @Setup(Level.Invocation)
        public void freshRegistry() {
            registry = new ContainerRegistry(LeakwatchConfig.MAX_SITES, LeakwatchConfig.INSTANCES_PER_SITE,
                    LeakwatchConfig.MAX_TRACKED_INSTANCES);
            for (int i = 0; i < SITES; i++) {
                containers[i] = new ArrayList<>();
            }
        }
    }

    /**
     * As {@link FirstSight}, but every site already holds one container: the first sight of a container at a known
     * site, which is what a fresh container costs at a site that has room, without the once-per-site creation of
     * the site's own state that {@link #firstSight} includes.
     */
    @State(Scope.Thread)
    public static class FirstSightAtKnownSite {
        final Object[] containers = new Object[FirstSight.SITES];
        ContainerRegistry registry;

        @Setup(Level.Invocation)
        public void registryWithOneContainerPerSite() {
            registry = new ContainerRegistry(LeakwatchConfig.MAX_SITES, LeakwatchConfig.INSTANCES_PER_SITE,
                    LeakwatchConfig.MAX_TRACKED_INSTANCES);
            for (int i = 0; i < FirstSight.SITES; i++) {
                registry.onFieldWrite(new ArrayList<>(), i);
                containers[i] = new ArrayList<>();
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(FirstSight.SITES)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public ContainerRegistry firstSight(FirstSight state) {
        return writeOnePerSite(state.registry, state.containers);
    }

    @Benchmark
    @OperationsPerInvocation(FirstSight.SITES)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public ContainerRegistry firstSightAtKnownSite(FirstSightAtKnownSite state) {
        return writeOnePerSite(state.registry, state.containers);
    }

    private static ContainerRegistry writeOnePerSite(ContainerRegistry registry, Object[] containers) {
        for (int site = 0; site < containers.length; site++) {
            registry.onFieldWrite(containers[site], site);
        }
        return registry;
    }

    /** Tracked maps of 16 entries each, spread over sites four to a site. */
    @State(Scope.Benchmark)
    public static class Tracked {
        @Param({"1000", "10000", "100000"})
        int containers;
        final List<Map<Integer, Integer>> alive = new ArrayList<>();
        ContainerSampler sampler;

        @Setup
        public void track() {
            int sites = Math.min(LeakwatchConfig.MAX_SITES, Math.max(1, containers / LeakwatchConfig.INSTANCES_PER_SITE));
            int perSite = (containers + sites - 1) / sites;
            // The agent caps tracked containers at 65,536; 100k is measured with the cap raised.
            ContainerRegistry registry = new ContainerRegistry(sites, perSite, containers);
            for (int i = 0; i < containers; i++) {
                Map<Integer, Integer> map = new HashMap<>();
                for (int entry = 0; entry < 16; entry++) {
                    map.put(entry, i);
                }
                alive.add(map);
                registry.onFieldWrite(map, i % sites);
            }
            sampler = new ContainerSampler(registry, null, sites, LeakwatchConfig.SLOW_SIZE_CALL_NANOS, System::nanoTime);
        }
    }

    @Benchmark
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public void samplerPass(Tracked state, Blackhole blackhole) {
        List<ContainerSample> samples = state.sampler.sample();
        blackhole.consume(samples);
    }
}
