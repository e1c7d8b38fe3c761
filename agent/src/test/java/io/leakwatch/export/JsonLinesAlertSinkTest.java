package io.leakwatch.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.leakwatch.analysis.Alert;
import io.leakwatch.analysis.AlertKind;
import io.leakwatch.analysis.Severity;
import io.leakwatch.log.CapturedStderr;

class JsonLinesAlertSinkTest {

    @TempDir
    Path folder;

    private CapturedStderr stderr;

    @BeforeEach
    void captureStderr() {
        stderr = new CapturedStderr();
    }

    @AfterEach
    void restoreStderr() {
        stderr.close();
    }

    private List<String> stderrLines() {
        return stderr.lines();
    }

    private static Alert alert(String site) {
        return Alert.builder(Instant.parse("2026-11-25T10:15:30Z"), Severity.WARNING, AlertKind.CONTAINER).site(site).build();
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void opensAtStartCreatingFileAndFoldersForTheOwnerOnly() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path events = folder.resolve("a").resolve("b").resolve("events.jsonl");

        JsonLinesAlertSink sink = JsonLinesAlertSink.open(events);

        assertEquals(0, Files.size(events), "created empty, before any alert");
        assertEquals("rw-------", permissions(events));
        assertEquals("rwx------", permissions(events.getParent()));
        assertEquals("rwx------", permissions(events.getParent().getParent()));
        sink.deliver(alert("com.acme.A#cache"));
        assertEquals(List.of(AlertJson.toJson(alert("com.acme.A#cache"))), Files.readAllLines(events));
        assertEquals(List.of(), stderrLines());
    }

    @Test
    void anExistingFileKeepsItsPermissions() throws IOException {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path events = Files.createFile(folder.resolve("events.jsonl"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r-----")));
        JsonLinesAlertSink.open(events).deliver(alert("com.acme.A#cache"));
        assertEquals("rw-r-----", permissions(events));
        assertEquals(1, Files.readAllLines(events).size());
    }

    @Test
    void aPathUnderARegularFileIsReportedOnceAtOpen() throws IOException {
        Path plainFile = Files.writeString(folder.resolve("plain"), "not a folder");
        Path events = plainFile.resolve("events.jsonl");

        JsonLinesAlertSink sink = JsonLinesAlertSink.open(events);
        assertEquals(1, stderrLines().size(), stderrLines().toString());
        assertTrue(stderrLines().get(0).startsWith("[leakwatch] cannot append alerts to events.file " + events + " ("),
                stderrLines().get(0));
        assertTrue(stderrLines().get(0).endsWith("); alerts still go to the other sinks"), stderrLines().get(0));

        sink.deliver(alert("com.acme.A#cache"));
        assertEquals(1, stderrLines().size(), "said once");
    }

    @Test
    void aDirectoryIsReportedAtOpen() {
        JsonLinesAlertSink.open(folder);
        assertEquals(1, stderrLines().size(), stderrLines().toString());
        assertTrue(stderrLines().get(0).contains(folder.toString()), stderrLines().get(0));
    }

    @Test
    void longLinesFromManyThreadsStayWhole() throws Exception {
        Path events = folder.resolve("events.jsonl");
        int threads = 4;
        int linesEach = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String tag = "T" + t;
                JsonLinesAlertSink sink = new JsonLinesAlertSink(events);
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < linesEach; i++) {
                        sink.deliver(alert("com.acme." + tag + "#" + tag.repeat(20_000)));
                    }
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdownNow();
        }
        List<String> lines = Files.readAllLines(events);
        assertEquals(threads * linesEach, lines.size());
        for (String line : lines) {
            String tag = line.substring(line.indexOf("com.acme.") + 9, line.indexOf("com.acme.") + 11);
            assertEquals(AlertJson.toJson(alert("com.acme." + tag + "#" + tag.repeat(20_000))), line);
        }
    }
}
