package io.leakwatch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The events file: private to its owner, refused at start when it cannot be written, whole lines only. */
class EventsFileIT {

    private static final String LEAK_ARGUMENT = "packages=com.acme.scenarios,interval=500ms,window=10s";
    private static final String ALERT_LINE = "[leakwatch] WARNING container ";

    @Test
    void theFileAndTheFoldersItCreatesAreReadableByTheOwnerOnly() throws IOException {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
        Path folder = Files.createTempDirectory(workDir(), "private");
        Path events = folder.resolve("made").resolve("by-agent").resolve("events.jsonl");
        try (ForkedJvm jvm = ForkedJvm.builder("com.acme.scenarios.ContainerLeaks")
                .agent(LEAK_ARGUMENT + ",events.file=" + events)
                .start()) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> !AlertRecord.readAll(events).isEmpty() || !jvm.isAlive());
            assertThat(permissions(events)).as("stderr: %s", jvm.stderr()).isEqualTo("rw-------");
            assertThat(permissions(events.getParent())).isEqualTo("rwx------");
            assertThat(permissions(events.getParent().getParent())).isEqualTo("rwx------");
        }
    }

    /** Root may write anywhere, so the paths are unwritable by their shape, not by permissions. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"under a regular file", "an existing directory"})
    void anUnwritableFileIsNamedAtStartAndTheOtherSinksGoOn(String shape) throws IOException {
        Path folder = Files.createTempDirectory(workDir(), "unwritable");
        Path events;
        if (shape.equals("under a regular file")) {
            Path plainFile = Files.writeString(folder.resolve("plain-file"), "not a folder");
            events = plainFile.resolve("events.jsonl");
        } else {
            events = Files.createDirectories(folder.resolve("a-directory"));
        }
        try (ForkedJvm jvm = ForkedJvm.builder("com.acme.scenarios.ContainerLeaks")
                .agent(LEAK_ARGUMENT + ",events.file=" + events)
                .start()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> !eventsFileLines(jvm).isEmpty());
            assertThat(jvm.stderr()).as("the notice comes before any alert").noneMatch(line -> line.startsWith(ALERT_LINE));
            assertThat(eventsFileLines(jvm).get(0)).contains(events.toString());

            await().atMost(Duration.ofSeconds(60))
                    .until(() -> jvm.stderr().stream().anyMatch(line -> line.startsWith(ALERT_LINE)));
            assertThat(eventsFileLines(jvm)).hasSize(1);
            assertThat(jvm.isAlive()).isTrue();
        }
    }

    @Test
    void twoJvmsAppendingLongLinesToOneFileNeverInterleave() throws Exception {
        Path folder = Files.createTempDirectory(workDir(), "shared");
        Path events = folder.resolve("events.jsonl");
        Path go = folder.resolve("go");
        int linesEach = 400;
        String agentClasses = ForkedJvm.AGENT_JAR.getParent().resolve("classes").toString();
        try (ForkedJvm first = appender(agentClasses, events, go, linesEach, "A");
                ForkedJvm second = appender(agentClasses, events, go, linesEach, "B")) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> first.stdout().contains("ready") && second.stdout().contains("ready"));
            Files.writeString(go, "go");
            assertThat(first.waitForExit(120)).as("stderr: %s", first.stderr()).isZero();
            assertThat(second.waitForExit(120)).as("stderr: %s", second.stderr()).isZero();
        }
        ObjectMapper json = new ObjectMapper();
        List<String> lines = Files.readAllLines(events);
        int broken = 0;
        for (String line : lines) {
            try {
                json.readTree(line);
            } catch (IOException e) {
                broken++;
            }
        }
        assertThat(broken).as("lines that are not JSON, of %d", lines.size()).isZero();
        assertThat(lines).hasSize(2 * linesEach);
    }

    private static ForkedJvm appender(String agentClasses, Path events, Path go, int lines, String tag) {
        return ForkedJvm.builder("io.leakwatch.it.EventsFileAppender")
                .withoutAgent()
                .classpath(agentClasses)
                .argument(events.toString())
                .argument(go.toString())
                .argument(Integer.toString(lines))
                .argument(tag)
                .start();
    }

    private static List<String> eventsFileLines(ForkedJvm jvm) {
        return jvm.stderr().stream().filter(line -> line.contains("events.file")).toList();
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    private static Path workDir() throws IOException {
        return Files.createDirectories(ForkedJvm.WORK_DIR);
    }
}
