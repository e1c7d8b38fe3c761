package io.leakwatch.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.acme.bench.CheckoutLoop;
import com.acme.bench.RecordedCheckoutLoop;

/**
 * What leakwatch's evidence recording costs while it runs: {@link CheckoutLoop} in alternating pairs of JVMs,
 * plain and under a recording with the evidence settings ({@link RecordedCheckoutLoop}); no agent in either, so
 * the difference is the recording's alone. A recorded run counts only if its loop says the recording was on.
 */
public final class EvidenceRecordingBenchmark {

    private EvidenceRecordingBenchmark() {
    }

    /** Arguments: pairs, warm-up seconds, measured seconds. */
    public static void main(String[] args) throws Exception {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int measure = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        List<Double> ratios = new ArrayList<>();
        List<Double> cpuRatios = new ArrayList<>();
        System.out.println("pair  plain ops/s  recorded ops/s  ratio  cpu ratio");
        for (int pair = 1; pair <= pairs; pair++) {
            boolean recordedFirst = pair % 2 == 1;
            ChurnThroughputBenchmark.Run first = run(recordedFirst, warmup, measure);
            ChurnThroughputBenchmark.Run second = run(!recordedFirst, warmup, measure);
            ChurnThroughputBenchmark.Run recorded = recordedFirst ? first : second;
            ChurnThroughputBenchmark.Run plain = recordedFirst ? second : first;
            ratios.add(recorded.opsPerSecond / plain.opsPerSecond);
            cpuRatios.add(recorded.opsPerCpuSecond / plain.opsPerCpuSecond);
            System.out.printf(Locale.ROOT, "%4d  %11.0f  %14.0f  %5.3f  %9.3f%n", pair, plain.opsPerSecond,
                    recorded.opsPerSecond, ratios.get(ratios.size() - 1), cpuRatios.get(cpuRatios.size() - 1));
        }
        System.out.printf(Locale.ROOT, "median throughput ratio (recorded/plain): %.3f (range %.3f..%.3f)%n",
                Stats.median(ratios), Stats.min(ratios), Stats.max(ratios));
        System.out.printf(Locale.ROOT, "median ratio per process CPU second: %.3f (range %.3f..%.3f)%n",
                Stats.median(cpuRatios), Stats.min(cpuRatios), Stats.max(cpuRatios));
    }

    private static ChurnThroughputBenchmark.Run run(boolean recorded, int warmup, int measure) throws Exception {
        ChurnThroughputBenchmark.Run run = ChurnThroughputBenchmark.run(null,
                (recorded ? RecordedCheckoutLoop.class : CheckoutLoop.class).getName(), warmup, measure);
        boolean wasRecorded = run.stdout.contains("recording: evidence settings");
        if (wasRecorded != recorded) {
            throw new IllegalStateException("expected the recording " + (recorded ? "on" : "off") + ": " + run.stdout);
        }
        return run;
    }
}
