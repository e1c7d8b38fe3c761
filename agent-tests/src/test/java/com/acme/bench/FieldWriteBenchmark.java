package com.acme.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The cost leakwatch adds to a write of a container-typed field in an instrumented package, run by
 * {@code io.leakwatch.bench.BenchmarkSuite} without the agent, with {@code enabled=false} and with the
 * agent watching {@code com.acme.bench}. Each holder is its own site. When the suite says the agent must be
 * watching ({@value #EXPECT_REGISTRATIONS}), each fork fails unless the agent registered this class's containers.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FieldWriteBenchmark {

    /** Not a {@code leakwatch.*} property: the agent refuses those it does not know, and stays off. */
    public static final String EXPECT_REGISTRATIONS = "bench.expectAgentRegistrations";
    private static final int ROTATING = 16;

    static final class TrackedHolder {
        List<Object> items;
    }

    static final class FullSiteHolder {
        List<Object> items;
    }

    static final class FreshHolder {
        List<Object> items;
    }

    private final TrackedHolder trackedHolder = new TrackedHolder();
    private final FullSiteHolder fullSiteHolder = new FullSiteHolder();
    private final FreshHolder freshHolder = new FreshHolder();
    private final List<Object> tracked = new ArrayList<>();
    private final List<List<Object>> rotating = new ArrayList<>();
    private int next;

    @Setup
    public void registerContainers() {
        trackedHolder.items = tracked;
        for (int i = 0; i < ROTATING; i++) {
            rotating.add(new ArrayList<>());
            fullSiteHolder.items = rotating.get(i);
        }
    }

    /**
     * Proof from inside the measured fork that the agent instrumented this class: printed always, and fatal to the
     * run when registrations were expected and there were none, so that no "+0 ns" stands without an agent at work.
     */
    @TearDown(Level.Trial)
    public void reportTheAgent() {
        System.out.println("agent in this fork: " + AgentEvidence.describe());
        if (Boolean.getBoolean(EXPECT_REGISTRATIONS) && AgentEvidence.registrations() <= 0) {
            throw new IllegalStateException("the agent registered none of this benchmark's containers: "
                    + AgentEvidence.describe());
        }
    }

    /** The steady path: the container written is already tracked. */
    @Benchmark
    public TrackedHolder alreadyTracked() {
        trackedHolder.items = tracked;
        return trackedHolder;
    }

    /** The steady path: the site already tracks as many containers as it may (16 alive, 4 tracked). */
    @Benchmark
    public FullSiteHolder siteFull() {
        fullSiteHolder.items = rotating.get(next++ & (ROTATING - 1));
        return fullSiteHolder;
    }

    /** A new container at every write, as a service that rebuilds a list per request; includes its allocation. */
    @Benchmark
    public FreshHolder freshContainer() {
        freshHolder.items = new ArrayList<>();
        return freshHolder;
    }
}
