package io.leakwatch.bench;

import com.acme.bench.CheckoutLoop;
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
 * field ({@link CheckoutLoop}): alternating pairs of forked JVMs with and without the agent, each measuring
 * operations per second over a fixed period after a warm-up. A run with the agent counts only if the loop proves
 * the agent was watching it (its handler installed and containers registered).
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

    /** Arguments: pairs, warm-up seconds, measured seconds. */
    public static void main(String[] args) throws Exception {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int measure = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        measure(pairs, warmup, measure).forEach(System.out::println);
    }

    /** The report lines: every run, the ratio of each pair, the median ratio and its range. */
    static List<String> measure(int pairs, int warmupSeconds, int measureSeconds)
            throws IOException, InterruptedException {
        Path agentJar = Paths.get(System.getProperty("leakwatch.agentJar", "../agent/target/leakwatch-agent.jar"));
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "churn: %d pairs, %d s measured after %d s warm-up, one thread, %s, agent %s",
                pairs, measureSeconds, warmupSeconds, HEAP, AGENT_OPTIONS));
        lines.add("pair  first  none ops/s  agent ops/s  ratio  cpu ratio  agent evidence");
        List<Double> ratios = new ArrayList<>();
        List<Double> cpuRatios = new ArrayList<>();
        for (int pair = 1; pair <= pairs; pair++) {
            // Alternating which arm goes first spreads slow drift (a warming machine, a neighbour's load) over both.
            boolean agentFirst = pair % 2 == 1;
            Run first = run(agentFirst ? agentJar : null, warmupSeconds, measureSeconds);
            Run second = run(agentFirst ? null : agentJar, warmupSeconds, measureSeconds);
            Run withAgent = agentFirst ? first : second;
            Run without = agentFirst ? second : first;
            double ratio = withAgent.opsPerSecond / without.opsPerSecond;
            double cpuRatio = withAgent.opsPerCpuSecond / without.opsPerCpuSecond;
            ratios.add(ratio);
            cpuRatios.add(cpuRatio);
            String line = String.format(Locale.ROOT, "%4d  %-5s  %10.0f  %11.0f  %5.3f  %9.3f  %s", pair,
                    agentFirst ? "agent" : "none", without.opsPerSecond, withAgent.opsPerSecond, ratio, cpuRatio,
                    withAgent.evidence);
            System.err.println(line);
            lines.add(line);
        }
        lines.add(String.format(Locale.ROOT, "median throughput ratio (agent/none): %.3f (range %.3f..%.3f)",
                Stats.median(ratios), Stats.min(ratios), Stats.max(ratios)));
        lines.add(String.format(Locale.ROOT, "median ratio of operations per process CPU second (agent/none): %.3f"
                + " (range %.3f..%.3f)", Stats.median(cpuRatios), Stats.min(cpuRatios), Stats.max(cpuRatios)));
        return lines;
    }

    private static Run run(Path agentJar, int warmupSeconds, int measureSeconds)
            throws IOException, InterruptedException {
        return run(agentJar, CheckoutLoop.class.getName(), warmupSeconds, measureSeconds);
    }

    /** One loop JVM, with the agent when {@code agentJar} is given; {@code mainClass} runs the loop. */
    static Run run(Path agentJar, String mainClass, int warmupSeconds, int measureSeconds)
            throws IOException, InterruptedException {
        List<String> arguments = new ArrayList<>(HEAP);
        if (agentJar != null) {
            arguments.add("-javaagent:" + agentJar + "=" + AGENT_OPTIONS);
        }
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
        if ((agentJar != null) != watched) {
            throw new IllegalStateException("expected " + (agentJar != null ? "the agent watching" : "no agent")
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
