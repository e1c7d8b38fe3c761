package io.leakwatch.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import com.acme.bench.ThreadCpu;

import io.leakwatch.bench.EndToEndBenchmark.Arm;
import io.leakwatch.bench.EndToEndBenchmark.ClosedLoop;
import io.leakwatch.bench.EndToEndBenchmark.DemoService;
import io.leakwatch.bench.EndToEndBenchmark.Interval;
import io.leakwatch.bench.EndToEndBenchmark.RunResult;
import io.leakwatch.bench.EndToEndBenchmark.Settings;
import io.leakwatch.it.otlp.OtlpReceiver;

/**
 * The end-to-end rounds of {@code --side-by-side yes}: every arm's demo at once, all pinned to the machine's last
 * core, each under its own closed loop of clients, measured over the same seconds. What each request costs is read
 * as requests per second of the demo's own CPU, which the arms' shares of the core do not change; run one after
 * another, the arms drifted by ±9% on the project's machine, as the churn loop did before it ran side by side.
 */
final class SideBySideRounds {

    private SideBySideRounds() {
    }

    static List<RunResult> run(Settings settings, OtlpReceiver receiver, Path emptyAgentJar)
            throws IOException, InterruptedException {
        int processors = Runtime.getRuntime().availableProcessors();
        int core = processors - 1;
        List<String> pinned = List.of("taskset", "-c", Integer.toString(core));
        // Pinned to one core, a JVM would size itself for one: the Serial collector and one thread of each kind. Told
        // the machine's count, it runs as it would unpinned here, with G1, as churn-shared's loops do.
        List<String> sizedForTheMachine = List.of("-XX:ActiveProcessorCount=" + processors);
        List<RunResult> runs = new ArrayList<>();
        for (int round = 1; round <= settings.pairs(); round++) {
            System.err.printf(Locale.ROOT, "round %d/%d: %s side by side on core %d ...%n", round, settings.pairs(),
                    settings.arms(), core);
            runs.addAll(runRound(settings, receiver, emptyAgentJar, pinned, sizedForTheMachine, round,
                    runs.size() + 1));
        }
        return runs;
    }

    private static List<RunResult> runRound(Settings settings, OtlpReceiver receiver, Path emptyAgentJar,
            List<String> pinned, List<String> jvmOptions, int round, int firstRun)
            throws IOException, InterruptedException {
        List<Arm> arms = settings.arms();
        int metricRequestsBefore = receiver == null ? 0 : receiver.metricRequests().size();
        List<DemoService> demos = new ArrayList<>();
        List<RunResult> results = new ArrayList<>();
        try {
            for (Arm arm : arms) {
                demos.add(DemoService.start(settings, arm, receiver, emptyAgentJar, pinned, jvmOptions));
            }
            List<ClosedLoop> loads = new ArrayList<>();
            for (int i = 0; i < arms.size(); i++) {
                loads.add(ClosedLoop.start(demos.get(i).checkoutUri(), settings.clients(), "r" + (firstRun + i)));
            }
            TimeUnit.SECONDS.sleep(settings.warmupSeconds());
            double[] cpuAtStart = new double[arms.size()];
            List<ThreadCpu> threadsAtStart = new ArrayList<>();
            for (int i = 0; i < arms.size(); i++) {
                threadsAtStart.add(ThreadCpu.of(demos.get(i).pid()));
                cpuAtStart[i] = demos.get(i).cpuSeconds();
                loads.get(i).beginInterval();
            }
            TimeUnit.SECONDS.sleep(settings.measureSeconds());
            List<Interval> measured = new ArrayList<>();
            double[] cpuUsed = new double[arms.size()];
            List<String> cpuByThread = new ArrayList<>();
            for (int i = 0; i < arms.size(); i++) {
                measured.add(loads.get(i).endInterval());
                cpuUsed[i] = demos.get(i).cpuSeconds() - cpuAtStart[i];
                // Where a demo's CPU went (request threads, GC, JIT, the agent's threads): what a difference is
                // made of.
                cpuByThread.add(ThreadCpu.of(demos.get(i).pid()).minus(threadsAtStart.get(i)));
            }
            for (ClosedLoop load : loads) {
                load.stop();
            }
            for (int i = 0; i < arms.size(); i++) {
                int run = firstRun + i;
                List<String> notes = EndToEndBenchmark.proveArm(run, arms.get(i), demos.get(i));
                notes.add("cpu-ms-by-thread " + cpuByThread.get(i));
                notes.addAll(EndToEndBenchmark.outcomeNotes(measured.get(i), demos.get(i)));
                if (receiver != null && arms.get(i) == Arm.AGENT) {
                    // Only leakwatch's arm exports, so what the receiver got this round is its.
                    notes.add(EndToEndBenchmark.exportNote(run, receiver, metricRequestsBefore));
                }
                results.add(new RunResult(run, round, arms.get(i), measured.get(i), cpuUsed[i], notes));
                System.err.printf(Locale.ROOT, "run %d (%s): %.0f req/s, %.0f req per CPU second, %d errors%n", run,
                        arms.get(i).label, results.get(i).requestsPerSecond(), results.get(i).requestsPerCpuSecond(),
                        results.get(i).errors());
            }
        } finally {
            for (DemoService demo : demos) {
                demo.close();
            }
        }
        return results;
    }
}
