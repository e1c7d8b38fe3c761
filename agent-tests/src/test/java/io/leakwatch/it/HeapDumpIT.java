package io.leakwatch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

/**
 * {@code heapdump.onCritical}: a leak that makes both the heap and a container CRITICAL gets one live heap dump,
 * owner-only, under a fresh name, and the CRITICAL alert is repeated naming it; without the key there is none.
 */
class HeapDumpIT {

    private static final String SCENARIO = "com.acme.scenarios.ResponseCacheLeak";
    private static final String AGENT = "packages=com.acme.scenarios,interval=250ms,window=5s,critical.horizon=1h";
    private static final String SITE = "com.acme.scenarios.ResponseCacheLeak#RESPONSES";
    private static final byte[] HPROF_HEADER = "JAVA PROFILE 1.0.2".getBytes(StandardCharsets.US_ASCII);

    @Test
    void oneOwnerOnlyDumpForRepeatedCriticalsAndTheAlertRepeatedWithItsPath() throws Exception {
        Path dumps = Files.createTempDirectory(Files.createDirectories(ForkedJvm.WORK_DIR), "dumps").resolve("new");
        try (ForkedJvm jvm = startScenario(AGENT + ",heapdump.onCritical=true,heapdump.dir=" + dumps)) {
            await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(250))
                    .until(() -> (criticalKinds(jvm).containsAll(Set.of("heap", "container")) && !withDump(jvm).isEmpty())
                            || !jvm.isAlive());
            assertThat(criticalKinds(jvm)).as("both CRITICALs; stderr: %s", jvm.stderr())
                    .contains("heap", "container");
            // Both CRITICALs were answered (the second one by the budget) before this; a dump they started would
            // appear within moments, so the folder is watched for a while.
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).pollInterval(Duration.ofMillis(100))
                    .until(() -> listing(dumps).size() == 1);

            Path dump = listing(dumps).get(0);
            assertThat(dump.getFileName().toString())
                    .matches("leakwatch-" + jvm.process().pid() + "-\\d{8}-\\d{6}\\.hprof(\\.gz)?");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dump))).isEqualTo("rw-------");
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dumps))).isEqualTo("rwx------");
            assertThat(header(dump)).isEqualTo(HPROF_HEADER);

            List<AlertRecord> repeats = withDump(jvm);
            assertThat(repeats).hasSize(1);
            assertThat(repeats.get(0).severity()).isEqualTo("CRITICAL");
            assertThat(repeats.get(0).text("heapDump")).isEqualTo(dump.toString());
            assertThat(jvm.stderr()).anySatisfy(line -> assertThat(line)
                    .startsWith("[leakwatch] heap dump written to " + dump + " (")
                    .endsWith(" ms; the application paused for it)"));
        }
    }

    @Test
    void noDumpUnlessAskedFor() throws Exception {
        try (ForkedJvm jvm = startScenario(AGENT)) {
            await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(250))
                    .until(() -> criticalKinds(jvm).contains("heap") || !jvm.isAlive());
            assertThat(criticalKinds(jvm)).as("stderr: %s", jvm.stderr()).contains("heap");
            Path workingDir = jvm.eventsFile().getParent();
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).pollInterval(Duration.ofMillis(100))
                    .until(() -> listing(workingDir).stream().map(path -> path.getFileName().toString())
                            .noneMatch(name -> name.contains("leakwatch-") || name.contains("hprof")));
            assertThat(withDump(jvm)).isEmpty();
        }
    }

    private static ForkedJvm startScenario(String agent) {
        return ForkedJvm.builder(SCENARIO).agent(agent)
                .jvmOption("-XX:+UseSerialGC").jvmOption("-Xmx64m").argument("6").start();
    }

    /** Kinds with a CRITICAL alert; a container counts only at the leaking cache's site. */
    private static Set<String> criticalKinds(ForkedJvm jvm) {
        return jvm.alerts().stream().filter(alert -> "CRITICAL".equals(alert.severity()))
                .filter(alert -> !"container".equals(alert.kind()) || SITE.equals(alert.site()))
                .map(AlertRecord::kind).collect(Collectors.toSet());
    }

    private static List<AlertRecord> withDump(ForkedJvm jvm) {
        return jvm.alerts().stream().filter(alert -> alert.has("heapDump")).collect(Collectors.toList());
    }

    private static List<Path> listing(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file's first bytes, after decompression when it is gzipped. */
    private static byte[] header(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file)) {
            byte[] magic = raw.readNBytes(2);
            InputStream content = Files.newInputStream(file);
            if (magic.length == 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
                content = new GZIPInputStream(content);
            }
            try (InputStream in = content) {
                return in.readNBytes(HPROF_HEADER.length);
            }
        }
    }
}
