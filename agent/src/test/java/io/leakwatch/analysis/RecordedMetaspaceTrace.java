package io.leakwatch.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import io.leakwatch.config.LeakwatchConfig;
import io.leakwatch.nonheap.NonHeapKind;
import io.leakwatch.nonheap.NonHeapReading;

/**
 * A real JVM's Metaspace, read every 250 ms (committed, used, and the collections that unload classes it had run),
 * replayed through the metaspace judgement at passes of the configured interval starting {@code phaseMillis} into
 * the trace, with the trace's time stretched by {@code pace}. Each pass reads the trace's latest row.
 */
final class RecordedMetaspaceTrace {

    private static final long LIMIT = 96L * 1024 * 1024;

    private final RecordedTraceFile file;
    /** Per row: millis, committed, used, collections that unload classes so far. */
    private final long[][] rows;

    private RecordedMetaspaceTrace(RecordedTraceFile file) {
        this.file = file;
        this.rows = file.rows.stream()
                .map(row -> new long[] {Long.parseLong(row[0]), Long.parseLong(row[1]), Long.parseLong(row[2]),
                        Long.parseLong(row[3])})
                .toArray(long[][]::new);
    }

    static RecordedMetaspaceTrace load(String name) {
        return new RecordedMetaspaceTrace(RecordedTraceFile.read("metaspace-traces", name));
    }

    OptionalLong outOfMemoryMillis() {
        return file.outOfMemoryMillis;
    }

    /** The metaspace alerts raised by replaying the whole trace, at their replayed times. */
    List<Alert> replay(LeakwatchConfig config, long phaseMillis, double pace) {
        LeakAnalyzer analyzer = new LeakAnalyzer(config, id -> "none");
        // The row each pass reads: the latest at or before the pass, once the trace has begun.
        int[] next = {0};
        analyzer.watchNonHeap(pass -> {
            while (next[0] < rows.length && (long) (rows[next[0]][0] * pace) <= pass) {
                next[0]++;
            }
            if (next[0] == 0) {
                return List.of();
            }
            long[] row = rows[next[0] - 1];
            return List.of(new NonHeapReading(NonHeapKind.METASPACE, "Metaspace", pass, row[2], row[1], LIMIT,
                    NonHeapReading.NO_COUNT, NonHeapReading.NO_COUNT, row[3]));
        });
        List<Alert> alerts = new ArrayList<>();
        for (long pass = phaseMillis; pass <= (long) (file.endMillis * pace); pass += config.intervalMillis()) {
            for (Alert alert : analyzer.analyze(pass, List.of(), List.of())) {
                if (alert.kind() == AlertKind.METASPACE) {
                    alerts.add(alert);
                }
            }
        }
        return alerts;
    }
}
