package io.leakwatch.bench;

import java.lang.instrument.Instrumentation;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import io.leakwatch.config.LeakwatchConfig;
import io.leakwatch.track.RetainedSizeEstimator;
import net.bytebuddy.agent.ByteBuddyAgent;

/** The estimated-bytes walk of one suspect: a map of 100k entries, each value holding a small array. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EstimateBenchmark {

    /** What a leaking map typically holds: a small record per entry. */
    static final class Transaction {
        final String id;
        final byte[] payload = new byte[64];

        Transaction(String id) {
            this.id = id;
        }
    }

    private final Map<String, Transaction> suspect = new HashMap<>();
    private RetainedSizeEstimator estimator;

    @Setup
    public void fill() {
        for (int i = 0; i < 100_000; i++) {
            String id = "tx-" + i;
            suspect.put(id, new Transaction(id));
        }
        Instrumentation instrumentation = ByteBuddyAgent.install();
        estimator = new RetainedSizeEstimator(instrumentation, LeakwatchConfig.ESTIMATE_SAMPLED_ENTRIES,
                LeakwatchConfig.ESTIMATE_MAX_OBJECTS);
    }

    @Benchmark
    public OptionalLong estimateOneSuspect() {
        return estimator.estimate(suspect);
    }
}
