package io.leakwatch.export.samples;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.IntFunction;

import io.leakwatch.analysis.AlertKind;
import io.leakwatch.analysis.AnalysisSnapshot;
import io.leakwatch.analysis.NonHeapPoolStatus;
import io.leakwatch.analysis.PoolStatus;
import io.leakwatch.analysis.SiteStatus;
import io.leakwatch.export.AlertJson;

/**
 * One pass's samples as JSON lines, one per container site and one per pool, named with the alert's own field
 * names ({@code time}, {@code kind}, {@code site} or {@code pool}, {@code size}, {@code heapUsedAfterGc} ...)
 * so that {@code report} reads samples and alerts alike. A field that is not known is absent.
 */
public final class SampleLines {

    private SampleLines() {
    }

    /**
     * @param retainedBytes a site's retained bytes, by site id, when estimated in this pass
     */
    public static byte[] of(long nowMillis, AnalysisSnapshot pass, IntFunction<OptionalLong> retainedBytes) {
        String time = Instant.ofEpochMilli(nowMillis).toString();
        StringBuilder lines = new StringBuilder();
        for (SiteStatus site : pass.sites()) {
            Map<String, Object> line = start(time, AlertKind.CONTAINER);
            line.put("site", site.site());
            if (site.type() != null) {
                line.put("type", site.type());
            }
            line.put("size", site.size());
            putFinite(line, "growthPerMin", site.growthPerSecond() * 60);
            OptionalLong estimated = retainedBytes.apply(site.siteId());
            if (estimated.isPresent()) {
                line.put("estimatedBytes", estimated.getAsLong());
            }
            append(lines, line);
        }
        for (PoolStatus pool : pass.pools()) {
            Map<String, Object> line = start(time, AlertKind.HEAP);
            line.put("pool", pool.pool());
            line.put("heapUsedAfterGc", pool.liveAfterGc());
            if (pool.max() > 0) {
                line.put("heapMax", pool.max());
            }
            putSeconds(line, pool.secondsToExhaustion());
            append(lines, line);
        }
        for (NonHeapPoolStatus pool : pass.nonHeapPools()) {
            Map<String, Object> line = start(time, pool.kind());
            line.put("pool", pool.pool());
            line.put("heapUsedAfterGc", pool.used());
            pool.limit().ifPresent(limit -> line.put("heapMax", limit));
            putSeconds(line, pool.secondsToExhaustion());
            append(lines, line);
        }
        return lines.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> start(String time, AlertKind kind) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("time", time);
        line.put("kind", kind.label());
        return line;
    }

    private static void putSeconds(Map<String, Object> line, OptionalDouble seconds) {
        if (seconds.isPresent()) {
            putFinite(line, "secondsToExhaustion", seconds.getAsDouble());
        }
    }

    /** JSON has no infinity or NaN. */
    private static void putFinite(Map<String, Object> line, String name, double value) {
        if (!Double.isNaN(value) && !Double.isInfinite(value)) {
            line.put(name, value);
        }
    }

    private static void append(StringBuilder lines, Map<String, Object> line) {
        lines.append(AlertJson.valueToJson(line)).append('\n');
    }
}
