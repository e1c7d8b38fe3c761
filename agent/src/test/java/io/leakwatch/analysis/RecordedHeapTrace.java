package io.leakwatch.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import io.leakwatch.config.LeakwatchConfig;
import io.leakwatch.heap.PoolUsageAfterGc;
import io.leakwatch.heap.WatchedPool;

/**
 * A real JVM's collections as {@code GcTraceRecorder} (agent-tests) wrote them, one notification per line, replayed
 * through the heap judgement: at passes of the configured interval starting {@code phaseMillis} into the trace, with
 * the trace's time stretched by {@code pace} (a slower machine, a slower program: the same shape, over longer).
 */
final class RecordedHeapTrace {

    private final String name;
    private final List<String[]> collections;
    private final long endMillis;
    private final OptionalLong outOfMemoryMillis;

    private RecordedHeapTrace(String name, List<String[]> collections, long endMillis, OptionalLong outOfMemoryMillis) {
        this.name = name;
        this.collections = collections;
        this.endMillis = endMillis;
        this.outOfMemoryMillis = outOfMemoryMillis;
    }

    static RecordedHeapTrace load(String name) {
        RecordedTraceFile file = RecordedTraceFile.read("heap-traces", name);
        return new RecordedHeapTrace(name, file.rows, file.endMillis, file.outOfMemoryMillis);
    }

    String name() {
        return name;
    }

    /** When the traced program ran out of memory, in the trace's own time. */
    OptionalLong outOfMemoryMillis() {
        return outOfMemoryMillis;
    }

    /** The heap alerts raised by replaying the whole trace, at their replayed times. */
    List<Alert> replay(LeakwatchConfig config, long phaseMillis, double pace) {
        LeakAnalyzer analyzer = new LeakAnalyzer(config, id -> "none");
        WatchedPool pool = new WatchedPool("Old");
        List<Alert> alerts = new ArrayList<>();
        int next = 0;
        long stretchedEnd = (long) (endMillis * pace);
        for (long pass = phaseMillis; pass <= stretchedEnd; pass += config.intervalMillis()) {
            List<PoolUsageAfterGc> usages = new ArrayList<>();
            for (; next < collections.size() && stretched(collections.get(next), pace) <= pass; next++) {
                String[] c = collections.get(next);
                pool.collected(stretched(c, pace), c[1], c[2], Long.parseLong(c[3]), Long.parseLong(c[4]),
                        Long.parseLong(c[5])).ifPresent(usages::add);
            }
            for (Alert alert : analyzer.analyze(pass, List.of(), usages)) {
                if (alert.kind() == AlertKind.HEAP) {
                    alerts.add(alert);
                }
            }
        }
        return alerts;
    }

    private static long stretched(String[] collection, double pace) {
        return (long) (Long.parseLong(collection[0]) * pace);
    }
}
