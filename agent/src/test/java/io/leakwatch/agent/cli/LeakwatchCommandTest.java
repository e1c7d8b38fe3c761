package io.leakwatch.agent.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeakwatchCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return LeakwatchCommand.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void aWrongCommandPrintsUsageAndExitsTwo() {
        assertEquals(2, run("frobnicate"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: java -jar leakwatch-agent.jar COMMAND"));
        assertEquals(2, run());
        assertEquals(2, run("attach", "not-a-pid"));
    }

    @Test
    void checkNamesTheLeaksAtOrAboveTheLevel(@TempDir Path folder) throws IOException {
        Path events = folder.resolve("events.jsonl");
        Files.writeString(events, String.join("\n",
                "{\"time\":\"2026-01-01T00:00:00Z\",\"severity\":\"WARNING\",\"kind\":\"container\",\"site\":\"com.acme.A#cache\"}",
                "{\"time\":\"2026-01-01T00:01:00Z\",\"severity\":\"CRITICAL\",\"kind\":\"heap\",\"pool\":\"G1 Old Gen\"}",
                ""));
        assertEquals(1, run("check", events.toString()));
        String named = out.toString(StandardCharsets.UTF_8);
        assertTrue(named.contains("WARNING container com.acme.A#cache"), named);
        assertTrue(named.contains("CRITICAL heap G1 Old Gen"), named);

        out.reset();
        assertEquals(1, run("check", events.toString(), "--fail-on", "CRITICAL"));
        assertTrue(!out.toString(StandardCharsets.UTF_8).contains("com.acme.A#cache"));
    }

    @Test
    void checkPassesAFileWithoutAlertsAtTheLevel(@TempDir Path folder) throws IOException {
        Path events = folder.resolve("events.jsonl");
        Files.writeString(events,
                "{\"time\":\"2026-01-01T00:00:00Z\",\"severity\":\"WARNING\",\"kind\":\"container\",\"site\":\"com.acme.A#cache\"}\n");
        assertEquals(0, run("check", events.toString(), "--fail-on", "CRITICAL"));
        assertEquals(2, run("check", events.toString(), "--fail-on", "SOMETIMES"));
        assertEquals(2, run("check", folder.resolve("missing.jsonl").toString()));
    }
}
