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
        int metricRequestsBefore = receiver == null ? 0 : receiver.metricRequests().size();
        List<ArmInRound> arms = new ArrayList<>();
        try {
            for (Arm arm : settings.arms()) {
                arms.add(new ArmInRound(firstRun + arms.size(), arm,
                        DemoService.start(settings, arm, receiver, emptyAgentJar, pinned, jvmOptions)));
            }
            for (ArmInRound arm : arms) {
                arm.startLoad(settings.clients());
            }
            TimeUnit.SECONDS.sleep(settings.warmupSeconds());
            for (ArmInRound arm : arms) {
                arm.beginInterval();
            }
            TimeUnit.SECONDS.sleep(settings.measureSeconds());
            for (ArmInRound arm : arms) {
                arm.endInterval();
            }
            for (ArmInRound arm : arms) {
                arm.stopLoad();
            }
            List<RunResult> results = new ArrayList<>();
            for (ArmInRound arm : arms) {
                RunResult result = arm.result(round, receiver, metricRequestsBefore);
                results.add(result);
                System.err.printf(Locale.ROOT, "run %d (%s): %.0f req/s, %.0f req per CPU second, %d errors%n",
                        result.run(), result.arm().label, result.requestsPerSecond(), result.requestsPerCpuSecond(),
                        result.errors());
            }
            return results;
        } finally {
            for (ArmInRound arm : arms) {
                arm.close();
            }
        }
    }

    /** One arm's demo in a round, its clients, and what it used over the measured seconds. */
    private static final class ArmInRound {
        private final int run;
        private final Arm arm;
        private final DemoService demo;
        private ClosedLoop load;
        private double cpuAtStart;
        private ThreadCpu threadsAtStart;
        private Interval measured;
        private double cpuUsed;
        private String cpuByThread;

        ArmInRound(int run, Arm arm, DemoService demo) {
            this.run = run;
            this.arm = arm;
            this.demo = demo;
        }

        void startLoad(int clients) {
            load = ClosedLoop.start(demo.checkoutUri(), clients, "r" + run);
        }

        void beginInterval() {
            threadsAtStart = ThreadCpu.of(demo.pid());
            cpuAtStart = demo.cpuSeconds();
            load.beginInterval();
        }

        void endInterval() {
            measured = load.endInterval();
            cpuUsed = demo.cpuSeconds() - cpuAtStart;
            // Where a demo's CPU went (request threads, GC, JIT, the agent's threads): what a difference is made of.
            cpuByThread = ThreadCpu.of(demo.pid()).minus(threadsAtStart);
        }

        void stopLoad() throws InterruptedException {
            load.stop();
        }

        /** Proves the arm while its demo still runs, and gathers its figures and notes. */
        RunResult result(int round, OtlpReceiver receiver, int metricRequestsBefore)
                throws IOException, InterruptedException {
            List<String> notes = EndToEndBenchmark.proveArm(run, arm, demo);
            notes.add("cpu-ms-by-thread " + cpuByThread);
            notes.addAll(EndToEndBenchmark.outcomeNotes(measured, demo));
            if (receiver != null && arm == Arm.AGENT) {
                // Only leakwatch's arm exports, so what the receiver got this round is its.
                notes.add(EndToEndBenchmark.exportNote(run, receiver, metricRequestsBefore));
            }
            return new RunResult(run, round, arm, measured, cpuUsed, notes);
        }

        void close() {
            demo.close();
        }
    }
}
