package io.leakwatch.export.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import io.leakwatch.analysis.LeakAnalyzer;
import io.leakwatch.config.ConfigParser;
import io.leakwatch.config.LeakwatchConfig;
import io.leakwatch.heap.PoolUsageAfterGc;
import io.leakwatch.track.ContainerSample;

class SampleLinesTest {

    private static final long MIB = 1024 * 1024;

    @Test
    void onePassIsOneLinePerKeptSiteAndPerPoolWithTheAlertsFieldNames() throws Exception {
        LeakwatchConfig config = new ConfigParser(notice -> { }).parse("interval=500ms,window=10s", Map.of(), Map.of());
        LeakAnalyzer analyzer = new LeakAnalyzer(config, id -> "com.acme.Site#f" + id);
        List<ContainerSample> sites = new ArrayList<>();
        for (int id = 0; id < 10_000; id++) {
            sites.add(new ContainerSample(id, id == 7 ? 5_000 : 3, "java.util.HashMap"));
        }
        analyzer.analyze(1_000, sites,
                List.of(new PoolUsageAfterGc("G1 Old Gen", 1_000, 40 * MIB, 256 * MIB, true)));

        String pass = new String(SampleLines.of(1_000, analyzer.snapshot(LeakwatchConfig.SAMPLED_SITES_PER_PASS),
                id -> id == 7 ? OptionalLong.of(123_456) : OptionalLong.empty()), StandardCharsets.UTF_8);
        String[] lines = pass.split("\n");

        assertEquals(LeakwatchConfig.SAMPLED_SITES_PER_PASS + 1, lines.length, "10k sites do not flood the file");
        assertEquals("{\"time\":\"1970-01-01T00:00:01Z\",\"kind\":\"container\",\"site\":\"com.acme.Site#f7\","
                + "\"type\":\"java.util.HashMap\",\"size\":5000,\"growthPerMin\":0.0,\"estimatedBytes\":123456}",
                lines[0], "the largest site first, with its estimate");
        assertFalse(lines[1].contains("estimatedBytes"), "absent when not known: " + lines[1]);
        assertEquals("{\"time\":\"1970-01-01T00:00:01Z\",\"kind\":\"heap\",\"pool\":\"G1 Old Gen\","
                + "\"heapUsedAfterGc\":" + 40 * MIB + ",\"heapMax\":" + 256 * MIB + "}", lines[lines.length - 1]);
        assertTrue(pass.endsWith("\n"));
    }
}
