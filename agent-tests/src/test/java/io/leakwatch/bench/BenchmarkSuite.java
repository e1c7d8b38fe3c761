package io.leakwatch.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The benchmarks of the README's results table, run by {@code mvn -B -Pbenchmarks verify -DskipTests -DskipITs}:
 * start-up (on this JDK and on JDK 25), JMH micro-benchmarks, the agent's footprint, the demo end to end (one arm
 * after another, and exporting over OTLP with the arms side by side on one core) and a container-churning loop on one
 * thread, on two, and with the arms sharing one core. Arguments choose parts
 * ({@code startup startup-jdk25 jmh footprint e2e e2e-shared churn churn-threads churn-shared}, and
 * {@code churn-quick}, a short churn run of about four minutes); none runs the first nine. Results also go to
 * {@code agent-tests/target/benchmarks/results.md}.
 */
public final class BenchmarkSuite {

    /** What a run without arguments measures. */
    private static final List<String> ALL_PARTS = List.of("startup", "startup-jdk25", "jmh", "footprint", "e2e",
            "e2e-shared", "churn", "churn-threads", "churn-shared");
    /** Those, and the short churn run. */
    private static final Set<String> PARTS = partsAccepted();

    private BenchmarkSuite() {
    }

    public static void main(String[] args) throws Exception {
        List<String> parts = args.length == 0 ? ALL_PARTS : List.of(args);
        for (String part : parts) {
            if (!PARTS.contains(part)) {
                System.err.println("unknown part '" + part + "'; choose from " + PARTS);
                System.exit(2);
            }
        }
        List<String> results = new ArrayList<>();
        results.add("# leakwatch benchmarks, " + Instant.now() + ", " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors() + " CPUs");
        for (String part : parts) {
            results.add("");
            results.add("## " + part);
            results.addAll(run(part));
        }
        Path out = Paths.get(System.getProperty("leakwatch.benchOut", "target/benchmarks/results.md"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, results, StandardCharsets.UTF_8);
        System.out.println(String.join("\n", results));
        System.out.println("\nwritten to " + out.toAbsolutePath());
    }

    private static Set<String> partsAccepted() {
        Set<String> parts = new LinkedHashSet<>(ALL_PARTS);
        parts.add("churn-quick");
        return parts;
    }

    private static List<String> run(String part) throws Exception {
        switch (part) {
            case "startup":
                return StartupBenchmark.measure(20, Paths.get(System.getProperty("java.home")));
            case "startup-jdk25":
                Path java25 = Paths.get(System.getProperty("leakwatch.java25", "/usr/lib/jvm/temurin-25-jdk-amd64"));
                return Files.isExecutable(java25.resolve("bin").resolve("java")) ? StartupBenchmark.measure(20, java25)
                        : List.of("no JDK 25 at " + java25 + " (-Dleakwatch.java25=...): not measured");
            case "jmh":
                return MicroBenchmarks.measure();
            case "footprint":
                return footprintInItsOwnJvm();
            case "churn":
                return ChurnThroughputBenchmark.measure(12, 4, 6, 1);
            case "churn-threads":
                return ChurnThroughputBenchmark.measure(8, 4, 6, 2);
            case "churn-shared":
                // Two minutes of warm-up: the agent's own code is still being compiled in its first minute, which
                // costs a service once, not always (churn-quick's 15 s show that share).
                return SharedCoreChurnBenchmark.measure(16, SharedCoreChurnBenchmark.STEADY_WARMUP_SECONDS, 20);
            case "churn-quick":
                List<String> quick = new ArrayList<>(ChurnThroughputBenchmark.measure(2, 3, 6, 1));
                quick.addAll(ChurnThroughputBenchmark.measure(2, 3, 6, 2));
                quick.addAll(SharedCoreChurnBenchmark.measure(2, 15, 20));
                return quick;
            case "e2e-shared":
                // The second figure: the demo exporting over OTLP to a receiver on this machine, with the
                // agent that does nothing as control, the arms side by side so that 2% can be told from the machine.
                // Two minutes of warm-up, as churn-shared's: what the JIT compiles in the first ones is paid once.
                return endToEnd("--exporter", "otlp", "--control", "yes", "--side-by-side", "yes", "--pairs", "8",
                        "--warmup-seconds", "120", "--measure-seconds", "30");
            default:
                return endToEnd();
        }
    }

    /** In a fresh JVM, so that nothing this one allocated is counted. */
    private static List<String> footprintInItsOwnJvm() throws IOException, InterruptedException {
        return JavaRun.output(List.of("-Xmx3g"), AgentFootprint.class.getName());
    }

    private static List<String> endToEnd(String... options) throws Exception {
        Path out = Files.createTempFile("leakwatch-e2e", ".txt");
        List<String> arguments = new ArrayList<>(List.of(options));
        arguments.addAll(List.of("--out", out.toString()));
        EndToEndBenchmark.main(arguments.toArray(new String[0]));
        return Files.readAllLines(out, StandardCharsets.UTF_8);
    }
}
