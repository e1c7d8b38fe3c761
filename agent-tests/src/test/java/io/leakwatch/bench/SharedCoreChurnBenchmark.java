package io.leakwatch.bench;

import com.acme.bench.CheckoutLoop;
import io.leakwatch.bench.ChurnThroughputBenchmark.Expected;
import io.leakwatch.bench.ChurnThroughputBenchmark.LoopJvm;
import io.leakwatch.bench.ChurnThroughputBenchmark.Run;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The churn loop's cost measured so that this machine's drift cannot hide it. On a shared VM one JVM's speed moves by
 * a third within seconds, and JVMs run one after another, or side by side on two cores, differ by up to 15% with no
 * agent in either. Here the arms of a round run at the same time pinned to one core: the kernel switches between them
 * every few milliseconds, so whatever slows that core (a neighbour on the host, its caches, its clock) slows them
 * alike. Each arm measures the same wall-clock seconds and reports operations per second of its own process's CPU:
 * the loop, its garbage collection, its JIT and the agent's threads, and none of the time it waited for the core.
 * <p>
 * A round runs five JVMs: two without an agent, whose ratio is the method's own noise; one with the agent that does
 * nothing; one with leakwatch watching no package (its threads and heap watch, no instrumented write); one with
 * leakwatch watching the loop. Each JVM is told the number of processors the machine has, so that it
 * picks the same collector and thread counts as an unpinned one. With two cores or more, two rounds run at once, one
 * on each core.
 */
public final class SharedCoreChurnBenchmark {

    /**
     * The same for every arm: whether C2 inlines {@code HashMap.putVal} into the loop depends on which compilation
     * happens first, any agent's start-up changes that order, and the loop runs a quarter faster when it wins. In a
     * service {@code putVal} is compiled long before any request (this loop mimics that, not always with success), so
     * the JIT is told what a service's would decide, and the arms differ only in what the agent does.
     */
    static final List<String> SAME_JIT_DECISIONS =
            List.of("-XX:CompileCommand=quiet", "-XX:CompileCommand=dontinline,java.util.HashMap::putVal");
    private static final String WALL_CLOCK_RATIO = "operations per second leakwatch/none (the core's time is shared by"
            + " thread, so the agent's threads take some of it from the other arms)";
    /**
     * Warm-up after which the agent's own code is compiled: in its first minute the JIT compiles the sampler's, the
     * heap watch's and the JMX code they call, and the JDK's code that builds each GC notification the agent
     * subscribes to (about 200 compilations between the 15th and the 35th second, against
     * 20 without the agent), which a service pays once, not for as long as it runs. With five JVMs on a core their
     * compiler threads get a fifth of it: after 60 s C2 still took 2% of leakwatch's measured CPU, after 120 s
     * (three JVMs a core) 0.5%.
     */
    static final int STEADY_WARMUP_SECONDS = 120;
    /** Chooses the third arm from the command line or the suite: {@code empty} (the default) or {@code gc-metrics}. */
    static final String CONTROL_PROPERTY = "bench.control";
    /** Long enough for five JVMs on one core to start, each with a fifth of the core. */
    private static final long START_MARGIN_MILLIS = 8_000;

    private SharedCoreChurnBenchmark() {
    }

    /** Arguments: rounds, warm-up seconds, measured seconds. */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : STEADY_WARMUP_SECONDS;
        int measure = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        measure(rounds, warmup, measure).forEach(System.out::println);
    }

    /** The report lines: every round's ratios, then their medians and ranges. */
    static List<String> measure(int rounds, int warmupSeconds, int measureSeconds)
            throws IOException, InterruptedException {
        return measure(rounds, warmupSeconds, measureSeconds, System.getProperty(CONTROL_PROPERTY, "empty"));
    }

    /** The same, with the third arm named: {@code empty} or {@code gc-metrics}. */
    static List<String> measure(int rounds, int warmupSeconds, int measureSeconds, String controlArm)
            throws IOException, InterruptedException {
        Path agentJar = Paths.get(System.getProperty("leakwatch.agentJar", "../agent/target/leakwatch-agent.jar"));
        Arm control = Arm.control(controlArm);
        List<Arm> arms = Arm.all(agentJar, control);
        int processors = Runtime.getRuntime().availableProcessors();
        int roundsAtOnce = Math.min(2, processors);
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "churn on a shared core: %d rounds of %d JVMs on one core, %d s measured"
                + " after %d s warm-up, 1 thread, %s %s, agent %s; %d round(s) at once; the control arm: %s", rounds,
                arms.size(), measureSeconds, warmupSeconds, ChurnThroughputBenchmark.HEAP, SAME_JIT_DECISIONS,
                ChurnThroughputBenchmark.AGENT_OPTIONS, roundsAtOnce, control.name));
        lines.add("round  core  none ops/cpu-s  leakwatch/none  none-again/none  control/none  idle/none"
                + "  leakwatch/control  leakwatch/idle  ops/s leakwatch/none  leakwatch evidence");
        Map<String, List<Double>> ratios = new LinkedHashMap<>();
        List<Run> lastRound = List.of();
        for (int first = 1; first <= rounds; first += roundsAtOnce) {
            long startAt = System.currentTimeMillis() + START_MARGIN_MILLIS + warmupSeconds * 1000L;
            List<Round> batch = new ArrayList<>();
            for (int core = 0; core < roundsAtOnce && first + core <= rounds; core++) {
                batch.add(Round.start(first + core, core, arms, startAt, measureSeconds, processors));
            }
            long timeoutSeconds = START_MARGIN_MILLIS / 1000 + warmupSeconds + measureSeconds + 60L;
            for (Round round : batch) {
                List<Run> runs = round.finish(timeoutSeconds);
                Run none = runs.get(0);
                Run noneAgain = runs.get(1);
                Run controlRun = runs.get(2);
                Run idle = runs.get(3);
                Run leakwatch = runs.get(4);
                double[] row = {
                    add(ratios, "operations per process CPU second leakwatch/none", leakwatch, none),
                    add(ratios, "the same, no agent/no agent (this method's noise)", noneAgain, none),
                    add(ratios, "the same, " + control.name + "/none", controlRun, none),
                    add(ratios, "the same, leakwatch watching no package/none", idle, none),
                    add(ratios, "the same, leakwatch/" + control.name, leakwatch, controlRun),
                    add(ratios, "the same, leakwatch/leakwatch watching no package", leakwatch, idle),
                };
                loopRatio(ratios, "operations per second of the loop thread's own CPU leakwatch/none", leakwatch, none);
                loopRatio(ratios, "the loop thread's, leakwatch watching no package/none", idle, none);
                loopRatio(ratios, "the loop thread's, leakwatch/leakwatch watching no package", leakwatch, idle);
                lastRound = runs;
                double wall = leakwatch.opsPerSecond / none.opsPerSecond;
                record(ratios, WALL_CLOCK_RATIO, wall);
                String line = String.format(Locale.ROOT,
                        "%5d  %4d  %14.0f  %14.3f  %15.3f  %12.3f  %9.3f  %17.3f  %14.3f  %20.3f  %s",
                        round.number, round.core, none.opsPerCpuSecond, row[0], row[1], row[2], row[3], row[4], row[5],
                        wall, leakwatch.evidence);
                System.err.println(line);
                lines.add(line);
            }
        }
        ratios.forEach((what, values) -> lines.add(ChurnThroughputBenchmark.median(what, values)));
        lines.add("where each arm's CPU went in the last round (ms while it measured; checkout is the loop's thread):");
        for (int i = 0; i < arms.size(); i++) {
            lines.add("  " + arms.get(i).name + ": " + lastRound.get(i).cpuByThread);
        }
        return lines;
    }

    /** The loop thread's own share: what the instrumented code costs apart from the agent's and the JVM's threads. */
    private static void loopRatio(Map<String, List<Double>> ratios, String what, Run numerator, Run denominator) {
        record(ratios, what, numerator.opsPerLoopCpuSecond / denominator.opsPerLoopCpuSecond);
    }

    private static double add(Map<String, List<Double>> ratios, String what, Run numerator, Run denominator) {
        return record(ratios, what, numerator.opsPerCpuSecond / denominator.opsPerCpuSecond);
    }

    /** Adds one round's ratio to the ratios named {@code what}, whose median the report prints. */
    private static double record(Map<String, List<Double>> ratios, String what, double ratio) {
        ratios.computeIfAbsent(what, k -> new ArrayList<>()).add(ratio);
        return ratio;
    }

    /** One kind of JVM in a round: its agent options and what its loop must report. */
    private static final class Arm {
        final String name;
        final List<String> agentOptions;
        final Expected expected;

        private Arm(String name, List<String> agentOptions, Expected expected) {
            this.name = name;
            this.agentOptions = agentOptions;
            this.expected = expected;
        }

        /** No agent, no agent again, the control agent, leakwatch watching no package, leakwatch. */
        static List<Arm> all(Path agentJar, Arm control) {
            return List.of(new Arm("none", List.of(), Expected.NO_AGENT),
                    new Arm("none again", List.of(), Expected.NO_AGENT),
                    control,
                    new Arm("leakwatch watching no package",
                            List.of("-javaagent:" + agentJar + "=" + ChurnThroughputBenchmark.IDLE_AGENT_OPTIONS),
                            Expected.LEAKWATCH_IDLE),
                    new Arm("leakwatch", List.of("-javaagent:" + agentJar + "=" + ChurnThroughputBenchmark.AGENT_OPTIONS),
                            Expected.LEAKWATCH_WATCHING));
        }

        /**
         * The third arm: the agent that does nothing ({@code empty}, the default), or the one that listens to the
         * collectors as a GC metrics library does ({@code gc-metrics}).
         */
        static Arm control(String control) throws IOException {
            switch (control) {
                case "empty":
                    return new Arm("an agent that does nothing", List.of("-javaagent:" + ControlAgentJars.empty()),
                            Expected.EMPTY_AGENT);
                case "gc-metrics":
                    return new Arm("an agent listening to the collectors as GC metrics do",
                            List.of("-javaagent:" + ControlAgentJars.gcMetrics()), Expected.GC_METRICS_AGENT);
                default:
                    throw new IllegalArgumentException(CONTROL_PROPERTY + "=" + control
                            + " is not a control arm; accepted: empty, gc-metrics");
            }
        }
    }

    /** One JVM of each arm, pinned to one core, measuring the same seconds. */
    private static final class Round {
        final int number;
        final int core;
        private final List<Arm> arms;
        private final List<LoopJvm> jvms = new ArrayList<>();

        private Round(int number, int core, List<Arm> arms) {
            this.number = number;
            this.core = core;
            this.arms = arms;
        }

        static Round start(int number, int core, List<Arm> arms, long startAt, int measureSeconds, int processors)
                throws IOException {
            Round round = new Round(number, core, arms);
            for (Arm arm : arms) {
                List<String> options = new ArrayList<>(ChurnThroughputBenchmark.HEAP);
                options.add("-XX:ActiveProcessorCount=" + processors);
                options.addAll(SAME_JIT_DECISIONS);
                options.addAll(arm.agentOptions);
                round.jvms.add(LoopJvm.start(List.of("taskset", "-c", Integer.toString(core)), options,
                        CheckoutLoop.class.getName(), List.of("0", Integer.toString(measureSeconds), "1",
                                Long.toString(startAt))));
            }
            return round;
        }

        /** Each arm's run, in the order of the arms. */
        List<Run> finish(long timeoutSeconds) throws IOException, InterruptedException {
            List<Run> runs = new ArrayList<>();
            for (int i = 0; i < jvms.size(); i++) {
                runs.add(jvms.get(i).finish(arms.get(i).expected, timeoutSeconds));
            }
            return runs;
        }
    }
}
