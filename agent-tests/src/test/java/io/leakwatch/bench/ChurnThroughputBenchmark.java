package io.leakwatch.bench;

import com.acme.bench.CheckoutLoop;
import com.acme.bench.EmptyAgent;
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
 * field ({@link CheckoutLoop}): rounds of three forked JVMs (no agent, an agent that does nothing, leakwatch), each
 * measuring operations per second over a fixed period after a warm-up. A run with leakwatch counts only if the loop
 * proves the agent was watching it (its handler installed and containers registered), and one without only if it
 * was not.
 */
public final class ChurnThroughputBenchmark {

    static final String AGENT_OPTIONS = "packages=com.acme.bench,interval=1s,window=5m,exporter=none";
    private static final List<String> HEAP = List.of("-Xms512m", "-Xmx512m");
    private static final String OPS = "ops/s ";
    private static final String OPS_PER_CPU = "ops/cpu-s ";
    private static final String AGENT = "agent: ";
    private static final String WATCHED = "handler io.leakwatch.";

    private ChurnThroughputBenchmark() {
    }

    /** Arguments: rounds, warm-up seconds, measured seconds. */
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int measure = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        measure(rounds, warmup, measure).forEach(System.out::println);
    }

    /**
     * The report lines: every round, the ratios of each, their medians and ranges. A round runs three JVMs, in an
     * order that rotates from round to round: without an agent, with an agent that does nothing (what any
     * {@code -javaagent} costs, and a measure of how far two arms that should be equal drift apart on this machine),
     * and with leakwatch.
     */
    static List<String> measure(int rounds, int warmupSeconds, int measureSeconds)
            throws IOException, InterruptedException {
        Path agentJar = Paths.get(System.getProperty("leakwatch.agentJar", "../agent/target/leakwatch-agent.jar"));
        Path emptyAgentJar = EmptyAgentJar.create();
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "churn: %d rounds, %d s measured after %d s warm-up, one thread, %s, agent %s",
                rounds, measureSeconds, warmupSeconds, HEAP, AGENT_OPTIONS));
        lines.add("round  none ops/s  empty-agent ops/s  leakwatch ops/s  leakwatch/none  empty/none  leakwatch/empty"
                + "  cpu leakwatch/none  leakwatch evidence");
        List<Double> leakwatchToNone = new ArrayList<>();
        List<Double> emptyToNone = new ArrayList<>();
        List<Double> leakwatchToEmpty = new ArrayList<>();
        List<Double> cpuLeakwatchToNone = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            Run none = null;
            Run empty = null;
            Run leakwatch = null;
            // Rotating which arm goes first spreads slow drift (a warming machine, a neighbour's load) over all three.
            for (int position = 0; position < 3; position++) {
                int arm = (round + position) % 3;
                if (arm == 0) {
                    none = run(List.of(), false, false, CheckoutLoop.class.getName(), warmupSeconds, measureSeconds);
                } else if (arm == 1) {
                    empty = run(List.of("-javaagent:" + emptyAgentJar), false, true, CheckoutLoop.class.getName(),
                            warmupSeconds, measureSeconds);
                } else {
                    leakwatch = run(agentJar, warmupSeconds, measureSeconds);
                }
            }
            leakwatchToNone.add(leakwatch.opsPerSecond / none.opsPerSecond);
            emptyToNone.add(empty.opsPerSecond / none.opsPerSecond);
            leakwatchToEmpty.add(leakwatch.opsPerSecond / empty.opsPerSecond);
            cpuLeakwatchToNone.add(leakwatch.opsPerCpuSecond / none.opsPerCpuSecond);
            String line = String.format(Locale.ROOT, "%5d  %10.0f  %17.0f  %15.0f  %14.3f  %10.3f  %15.3f  %18.3f  %s",
                    round, none.opsPerSecond, empty.opsPerSecond, leakwatch.opsPerSecond,
                    last(leakwatchToNone), last(emptyToNone), last(leakwatchToEmpty), last(cpuLeakwatchToNone),
                    leakwatch.evidence);
            System.err.println(line);
            lines.add(line);
        }
        lines.add(median("throughput leakwatch/none", leakwatchToNone));
        lines.add(median("throughput of an agent that does nothing/none", emptyToNone));
        lines.add(median("throughput leakwatch/an agent that does nothing", leakwatchToEmpty));
        lines.add(median("operations per process CPU second leakwatch/none", cpuLeakwatchToNone));
        return lines;
    }

    private static double last(List<Double> values) {
        return values.get(values.size() - 1);
    }

    private static String median(String what, List<Double> ratios) {
        return String.format(Locale.ROOT, "median %s: %.3f (range %.3f..%.3f)", what, Stats.median(ratios),
                Stats.min(ratios), Stats.max(ratios));
    }

    private static Run run(Path agentJar, int warmupSeconds, int measureSeconds)
            throws IOException, InterruptedException {
        return run(agentJar, CheckoutLoop.class.getName(), warmupSeconds, measureSeconds);
    }

    /** One loop JVM, with leakwatch when {@code agentJar} is given; {@code mainClass} runs the loop. */
    static Run run(Path agentJar, String mainClass, int warmupSeconds, int measureSeconds)
            throws IOException, InterruptedException {
        List<String> agentArguments = agentJar == null ? List.of() : List.of("-javaagent:" + agentJar + "=" + AGENT_OPTIONS);
        return run(agentArguments, agentJar != null, false, mainClass, warmupSeconds, measureSeconds);
    }

    /**
     * One loop JVM with these extra options; it counts only if leakwatch was watching it exactly when
     * {@code leakwatchExpected}, and the agent that does nothing ran in it exactly when {@code emptyAgentExpected}.
     */
    private static Run run(List<String> agentArguments, boolean leakwatchExpected, boolean emptyAgentExpected,
            String mainClass, int warmupSeconds, int measureSeconds) throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(HEAP);
        arguments.addAll(agentArguments);
        arguments.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass,
                Integer.toString(warmupSeconds), Integer.toString(measureSeconds)));
        List<String> stdout = new CopyOnWriteArrayList<>();
        List<String> stderr = new CopyOnWriteArrayList<>();
        Process process = BenchRuns.startJava(arguments, stdout::add, stderr::add);
        if (!process.waitFor(warmupSeconds + measureSeconds + 60L, java.util.concurrent.TimeUnit.SECONDS)) {
            BenchRuns.stop(process, Duration.ofSeconds(5));
            throw new IllegalStateException("the checkout loop did not finish; stderr: " + stderr);
        }
        // The reader threads may still be draining the last lines.
        Thread.sleep(200);
        String ops = find(stdout, OPS);
        String opsPerCpu = find(stdout, OPS_PER_CPU);
        String evidence = find(stdout, AGENT);
        if (ops == null || opsPerCpu == null || evidence == null) {
            throw new IllegalStateException("the checkout loop printed no result; stdout " + stdout + " stderr " + stderr);
        }
        boolean watched = evidence.startsWith(WATCHED) && !evidence.contains("registrations=0 ");
        if (leakwatchExpected != watched || emptyAgentExpected != evidence.endsWith(EmptyAgent.RAN_EVIDENCE)) {
            throw new IllegalStateException("expected " + (leakwatchExpected ? "the agent watching"
                    : emptyAgentExpected ? "the agent that does nothing" : "no agent")
                    + " but the loop reports: " + evidence + "; stderr " + stderr);
        }
        return new Run(Double.parseDouble(ops), Double.parseDouble(opsPerCpu), evidence, stdout);
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
        final String evidence;
        final List<String> stdout;

        Run(double opsPerSecond, double opsPerCpuSecond, String evidence, List<String> stdout) {
            this.opsPerSecond = opsPerSecond;
            this.opsPerCpuSecond = opsPerCpuSecond;
            this.evidence = evidence;
            this.stdout = stdout;
        }
    }
}
