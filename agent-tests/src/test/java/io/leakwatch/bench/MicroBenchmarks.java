package io.leakwatch.bench;

import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import com.acme.bench.FieldWriteBenchmark;

/**
 * Runs the JMH benchmarks in forked JVMs: the field writes without the agent, with {@code enabled=false}
 * and with the agent, then the agent's own structures; reports time and allocation per operation.
 */
final class MicroBenchmarks {

    private static final String ALLOCATION = "gc.alloc.rate.norm";

    private MicroBenchmarks() {
    }

    static List<String> measure() throws RunnerException {
        String agentJar = Paths.get(System.getProperty("leakwatch.agentJar")).toString();
        List<String> report = new ArrayList<>();
        report.add(String.format("JMH, JDK %s, %d CPUs: score ± error (99.9%%), allocation per operation",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors()));
        report.add("| benchmark | JVM | score | B/op |");
        report.add("|---|---|---|---|");
        String fieldWrites = Pattern.quote(FieldWriteBenchmark.class.getName()) + "\\..*";
        addRows(report, "no agent", run(fieldWrites));
        addRows(report, "agent, enabled=false", run(fieldWrites, "-javaagent:" + agentJar + "=enabled=false"));
        addRows(report, "agent on com.acme.bench", run(fieldWrites,
                "-javaagent:" + agentJar + "=packages=com.acme.bench,exporter=none,log=none",
                "-D" + FieldWriteBenchmark.EXPECT_REGISTRATIONS + "=true"));
        // A fresh container per write allocates 24 B/op, at several GB/s: under G1 the plain arm swings between 14 and
        // 126 ns by iteration with the collections. A young generation of 8 GB that nothing survives makes a
        // collection rare and cheap in both arms, so what is left is the write's own cost.
        String freshContainer = Pattern.quote(FieldWriteBenchmark.class.getName()) + "\\.freshContainer";
        String[] rareCollections = {"-XX:+UseParallelGC", "-Xms10g", "-Xmx10g", "-Xmn8g", "-XX:+AlwaysPreTouch"};
        addRows(report, "no agent, Parallel GC, 8 GB young", run(freshContainer, rareCollections));
        addRows(report, "agent on com.acme.bench, Parallel GC, 8 GB young", run(freshContainer,
                concat(rareCollections, "-javaagent:" + agentJar + "=packages=com.acme.bench,exporter=none,log=none",
                        "-D" + FieldWriteBenchmark.EXPECT_REGISTRATIONS + "=true")));
        // Two threads writing to the same sites at once, as request threads do: what the agent stores on every write
        // (the bridge's countdowns) must not be memory both cores store to.
        String sharedSites = Pattern.quote(FieldWriteBenchmark.class.getName()) + "\\.(freshContainer|siteFull)";
        addRows(report, "two threads, no agent, Parallel GC, 8 GB young", run(sharedSites, 2, rareCollections));
        addRows(report, "two threads, agent on com.acme.bench, Parallel GC, 8 GB young", run(sharedSites, 2,
                concat(rareCollections, "-javaagent:" + agentJar + "=packages=com.acme.bench,exporter=none,log=none",
                        "-D" + FieldWriteBenchmark.EXPECT_REGISTRATIONS + "=true")));
        addRows(report, "no agent (structures driven directly)", run(Pattern.quote(RegistryBenchmark.class.getName())
                + "\\..*|" + Pattern.quote(EstimateBenchmark.class.getName()) + "\\..*", "-Djdk.attach.allowAttachSelf=true",
                "-Xmx2g"));
        return report;
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    private static Collection<RunResult> run(String include, String... jvmArguments) throws RunnerException {
        return run(include, 1, jvmArguments);
    }

    private static Collection<RunResult> run(String include, int threads, String... jvmArguments)
            throws RunnerException {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(include)
                .threads(threads)
                .forks(2)
                .warmupIterations(3).warmupTime(TimeValue.seconds(1))
                .measurementIterations(5).measurementTime(TimeValue.seconds(1))
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true);
        // Only these: by default a fork inherits this JVM's options, and the agent refuses the suite's own
        // -Dleakwatch.agentJar as an unknown setting and stays off, which made "with the agent" figures
        // measure a disabled agent until each fork had to prove its registrations.
        options.jvmArgs(jvmArguments);
        return new Runner(options.build()).run();
    }

    private static void addRows(List<String> report, String jvm, Collection<RunResult> results) {
        for (RunResult result : results) {
            String name = result.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
            for (String key : result.getParams().getParamsKeys()) {
                name += " " + key + "=" + result.getParams().getParam(key);
            }
            Result<?> primary = result.getPrimaryResult();
            Result<?> allocation = result.getSecondaryResults().get(ALLOCATION);
            report.add(String.format("| %s | %s | %.2f ± %.2f %s | %s |", name, jvm, primary.getScore(),
                    primary.getScoreError(), primary.getScoreUnit(),
                    allocation == null ? "?" : String.format("%.1f", allocation.getScore())));
        }
    }
}
