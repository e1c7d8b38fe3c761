package io.leakwatch.bench;

import com.acme.bench.CheckoutLoop;
import com.acme.bench.EmptyAgent;
import com.acme.bench.GcMetricsAgent;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the agent costs an allocation-heavy loop whose every operation writes fresh containers to an instrumented
 * field ({@link CheckoutLoop}): rounds of four forked JVMs (no agent, an agent that does nothing, leakwatch watching
 * no package, leakwatch watching the loop), each measuring operations per second over a fixed period after a
 * warm-up. Leakwatch watching no package has its threads, its heap watching and its start-up, but no instrumented
 * write: it tells the cost of being there from the cost of the writes. A run counts only if the loop proves which
 * agent it had: leakwatch watching it (its handler installed and containers registered), leakwatch idle (its
 * handler installed, nothing registered), the agent that does nothing, or none.
 */
public final class ChurnThroughputBenchmark {

    static final String AGENT_OPTIONS = "packages=com.acme.bench,interval=1s,window=5m,exporter=none";
    /** The same, watching no package: only the heap. */
    static final String IDLE_AGENT_OPTIONS = "interval=1s,window=5m,exporter=none";
    static final List<String> HEAP = List.of("-Xms512m", "-Xmx512m");
    private static final String OPS = "ops/s ";
    private static final String OPS_PER_CPU = "ops/cpu-s ";
    private static final String OPS_PER_LOOP_CPU = "ops/loop-cpu-s ";
    private static final String CPU_BY_THREAD = "cpu-ms-by-thread ";
    private static final String AGENT = "agent: ";
    private static final String WATCHED = "handler io.leakwatch.";
    private static final String NOTHING_REGISTERED = "registrations=0 ";

    /** Which agent a run must prove it had. */
    enum Expected {
        NO_AGENT, EMPTY_AGENT, GC_METRICS_AGENT, LEAKWATCH_IDLE, LEAKWATCH_WATCHING
    }

    private ChurnThroughputBenchmark() {
    }

    /** Arguments: rounds, warm-up seconds, measured seconds, threads. */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int measure = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        measure(rounds, warmup, measure, threads).forEach(System.out::println);
    }

    /**
     * The report lines: every round, the ratios of each, their medians and ranges. A round runs four JVMs, in an
     * order that rotates from round to round: without an agent, with an agent that does nothing (what any
     * {@code -javaagent} costs, and a measure of how far two arms that should be equal drift apart on this machine),
     * with leakwatch watching no package, and with leakwatch watching the loop. With more than one thread, each runs
     * a loop of its own at once: request threads that share the instrumented code and nothing else, where any
     * memory every write stores to (a counter, a countdown) passes from core to core at every write.
     */
    static List<String> measure(int rounds, int warmupSeconds, int measureSeconds, int threads)
            throws IOException, InterruptedException {
        Path agentJar = Paths.get(System.getProperty("leakwatch.agentJar", "../agent/target/leakwatch-agent.jar"));
        Path emptyAgentJar = ControlAgentJars.empty();
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "churn: %d rounds, %d s measured after %d s warm-up, %d thread(s), %s, agent %s",
                rounds, measureSeconds, warmupSeconds, threads, HEAP, AGENT_OPTIONS));
        lines.add("round  none ops/s  empty-agent ops/s  idle-leakwatch ops/s  leakwatch ops/s  leakwatch/none  empty/none"
                + "  leakwatch/empty  idle/none  cpu leakwatch/none  leakwatch evidence");
        List<Double> leakwatchToNone = new ArrayList<>();
        List<Double> idleToNone = new ArrayList<>();
        List<Double> emptyToNone = new ArrayList<>();
        List<Double> leakwatchToEmpty = new ArrayList<>();
        List<Double> cpuLeakwatchToNone = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            Run none = null;
            Run empty = null;
            Run idle = null;
            Run leakwatch = null;
            // Rotating which arm goes first spreads slow drift (a warming machine, a neighbour's load) over all four.
            for (int position = 0; position < 4; position++) {
                int arm = (round + position) % 4;
                if (arm == 0) {
                    none = run(List.of(), Expected.NO_AGENT, CheckoutLoop.class.getName(), warmupSeconds, measureSeconds,
                            threads);
                } else if (arm == 1) {
                    empty = run(List.of("-javaagent:" + emptyAgentJar), Expected.EMPTY_AGENT,
                            CheckoutLoop.class.getName(), warmupSeconds, measureSeconds, threads);
                } else if (arm == 2) {
                    idle = run(List.of("-javaagent:" + agentJar + "=" + IDLE_AGENT_OPTIONS), Expected.LEAKWATCH_IDLE,
                            CheckoutLoop.class.getName(), warmupSeconds, measureSeconds, threads);
                } else {
                    leakwatch = run(List.of("-javaagent:" + agentJar + "=" + AGENT_OPTIONS), Expected.LEAKWATCH_WATCHING,
                            CheckoutLoop.class.getName(), warmupSeconds, measureSeconds, threads);
                }
            }
            leakwatchToNone.add(leakwatch.opsPerSecond / none.opsPerSecond);
            idleToNone.add(idle.opsPerSecond / none.opsPerSecond);
            emptyToNone.add(empty.opsPerSecond / none.opsPerSecond);
            leakwatchToEmpty.add(leakwatch.opsPerSecond / empty.opsPerSecond);
            cpuLeakwatchToNone.add(leakwatch.opsPerCpuSecond / none.opsPerCpuSecond);
            String line = String.format(Locale.ROOT,
                    "%5d  %10.0f  %17.0f  %20.0f  %15.0f  %14.3f  %10.3f  %15.3f  %9.3f  %18.3f  %s",
                    round, none.opsPerSecond, empty.opsPerSecond, idle.opsPerSecond, leakwatch.opsPerSecond,
                    last(leakwatchToNone), last(emptyToNone), last(leakwatchToEmpty), last(idleToNone),
                    last(cpuLeakwatchToNone), leakwatch.evidence);
            System.err.println(line);
            lines.add(line);
        }
        lines.add(median("throughput leakwatch/none", leakwatchToNone));
        lines.add(median("throughput of an agent that does nothing/none", emptyToNone));
        lines.add(median("throughput leakwatch/an agent that does nothing", leakwatchToEmpty));
        lines.add(median("throughput leakwatch watching no package/none", idleToNone));
        lines.add(median("operations per process CPU second leakwatch/none", cpuLeakwatchToNone));
        return lines;
    }

    private static double last(List<Double> values) {
        return values.get(values.size() - 1);
    }

    /** One median line of a churn report: the ratio's median and its range. */
    static String median(String what, List<Double> ratios) {
        return String.format(Locale.ROOT, "median %s: %.3f (range %.3f..%.3f)", what, Stats.median(ratios),
                Stats.min(ratios), Stats.max(ratios));
    }

    /** One loop JVM, with leakwatch when {@code agentJar} is given; {@code mainClass} runs the loop. */
    static Run run(Path agentJar, String mainClass, int warmupSeconds, int measureSeconds)
            throws IOException, InterruptedException {
        List<String> agentArguments = agentJar == null ? List.of() : List.of("-javaagent:" + agentJar + "=" + AGENT_OPTIONS);
        return run(agentArguments, agentJar == null ? Expected.NO_AGENT : Expected.LEAKWATCH_WATCHING, mainClass,
                warmupSeconds, measureSeconds, 1);
    }

    /** One loop JVM with these extra options; it counts only if the loop reports the agent {@code expected}. */
    private static Run run(List<String> agentArguments, Expected expected, String mainClass, int warmupSeconds,
            int measureSeconds, int threads) throws IOException, InterruptedException {
        List<String> options = new ArrayList<>(HEAP);
        options.addAll(agentArguments);
        return LoopJvm.start(List.of(), options, mainClass, List.of(Integer.toString(warmupSeconds),
                Integer.toString(measureSeconds), Integer.toString(threads)))
                .finish(expected, warmupSeconds + measureSeconds + 60L);
    }

    /** A loop JVM started and not yet finished, so that several can run at once. */
    static final class LoopJvm {
        private final Process process;
        private final List<String> stdout = new CopyOnWriteArrayList<>();
        private final List<String> stderr = new CopyOnWriteArrayList<>();

        private LoopJvm(List<String> launcherPrefix, List<String> arguments) throws IOException {
            this.process = BenchRuns.startJava(launcherPrefix, arguments, stdout::add, stderr::add);
        }

        /**
         * Starts {@code mainClass} with these JVM options and loop arguments, behind {@code launcherPrefix} (such
         * as {@code taskset -c 1}) when not empty.
         */
        static LoopJvm start(List<String> launcherPrefix, List<String> jvmOptions, String mainClass,
                List<String> loopArguments) throws IOException {
            List<String> arguments = new ArrayList<>(jvmOptions);
            arguments.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass));
            arguments.addAll(loopArguments);
            return new LoopJvm(launcherPrefix, arguments);
        }

        /** Waits for the loop's result, which counts only if the loop reports the agent {@code expected}. */
        Run finish(Expected expected, long timeoutSeconds) throws IOException, InterruptedException {
            if (!process.waitFor(timeoutSeconds, java.util.concurrent.TimeUnit.SECONDS)) {
                BenchRuns.stop(process, Duration.ofSeconds(5));
                throw new IllegalStateException("the checkout loop did not finish; stderr: " + stderr);
            }
            // The reader threads may still be draining the last lines.
            Thread.sleep(200);
            String ops = find(stdout, OPS);
            String opsPerCpu = find(stdout, OPS_PER_CPU);
            String evidence = find(stdout, AGENT);
            if (ops == null || opsPerCpu == null || evidence == null) {
                throw new IllegalStateException("the checkout loop printed no result; stdout " + stdout + " stderr "
                        + stderr);
            }
            if (reported(evidence) != expected) {
                throw new IllegalStateException("expected " + expected + " but the loop reports: " + evidence
                        + "; stderr " + stderr);
            }
            String opsPerLoopCpu = find(stdout, OPS_PER_LOOP_CPU);
            return new Run(Double.parseDouble(ops), Double.parseDouble(opsPerCpu),
                    opsPerLoopCpu == null ? Double.NaN : Double.parseDouble(opsPerLoopCpu),
                    String.valueOf(find(stdout, CPU_BY_THREAD)), evidence, stdout);
        }
    }

    /** Which agent the loop's {@code agent:} line says it had. */
    private static Expected reported(String evidence) {
        if (evidence.startsWith(WATCHED)) {
            return evidence.contains(NOTHING_REGISTERED) ? Expected.LEAKWATCH_IDLE : Expected.LEAKWATCH_WATCHING;
        }
        if (evidence.contains(GcMetricsAgent.EVIDENCE)) {
            return Expected.GC_METRICS_AGENT;
        }
        return evidence.endsWith(EmptyAgent.RAN_EVIDENCE) ? Expected.EMPTY_AGENT : Expected.NO_AGENT;
    }

    private static String find(List<String> lines, String prefix) {
        for (String line : lines) {
            if (line.startsWith(prefix)) {
                return line.substring(prefix.length());
            }
        }
        return null;
    }

    /** One JVM's figure and what it said about the agent. */
    static final class Run {
        final double opsPerSecond;
        final double opsPerCpuSecond;
        /** Per second of the loop threads' own CPU; NaN from a loop that does not report it. */
        final double opsPerLoopCpuSecond;
        /** The process's other threads' CPU while it measured, by kind, as the loop printed it. */
        final String cpuByThread;
        final String evidence;
        final List<String> stdout;

        Run(double opsPerSecond, double opsPerCpuSecond, double opsPerLoopCpuSecond, String cpuByThread,
                String evidence, List<String> stdout) {
            this.opsPerSecond = opsPerSecond;
            this.opsPerCpuSecond = opsPerCpuSecond;
            this.opsPerLoopCpuSecond = opsPerLoopCpuSecond;
            this.cpuByThread = cpuByThread;
            this.evidence = evidence;
            this.stdout = stdout;
        }
    }
}
