package io.leakwatch.respond.heapdump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.leakwatch.analysis.Alert;
import io.leakwatch.analysis.AlertKind;
import io.leakwatch.analysis.Severity;
import io.leakwatch.config.LeakwatchConfig;
import io.leakwatch.export.AlertFanOut;
import io.leakwatch.log.CapturedStderr;
import io.leakwatch.log.SuppressedErrors;
import io.leakwatch.log.SuppressedErrors.Source;
import io.leakwatch.respond.FollowUpAlerts;

class HeapDumpResponderTest {

    @TempDir
    Path temp;

    private final AtomicLong clock = new AtomicLong(1_000_000);
    private final BlockingQueue<Alert> repeated = new LinkedBlockingQueue<>();
    private final List<String> dumpThreads = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch dumping = new CountDownLatch(1);

    /** A dump that waits for the test to let it finish. */
    private final LiveHeapDump heldDump = new LiveHeapDump() {
        @Override
        public String extension() {
            return ".hprof";
        }

        @Override
        public void dump(Path file) throws IOException {
            dumpThreads.add(Thread.currentThread().getName());
            dumping.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Files.write(file, new byte[] {1});
        }
    };

    private HeapDumpResponder responder(long usableBytes) {
        HeapDumpWriter writer = new HeapDumpWriter(temp, new DiskRoom(() -> 1000, dir -> usableBytes),
                new OwnerOnlyFiles(temp.getFileSystem()), () -> Optional.of(heldDump), 7);
        return new HeapDumpResponder(new HeapDumpBudget(LeakwatchConfig.HEAP_DUMP_MIN_PERIOD_MILLIS), writer,
                new FollowUpAlerts(new AlertFanOut(List.of(repeated::add))), clock::get);
    }

    private static Alert alert(Severity severity, AlertKind kind, String subject) {
        Alert.Builder builder = Alert.builder(Instant.parse("2026-03-04T05:06:07Z"), severity, kind);
        return (kind == AlertKind.CONTAINER ? builder.site(subject) : builder.pool(subject)).build();
    }

    @Test
    void repeatedCriticalsGetOneDumpOnTheAgentsOwnThreadAndTheAlertRepeatedWithItsPath() throws Exception {
        HeapDumpResponder responder = responder(Long.MAX_VALUE);
        Alert heap = alert(Severity.CRITICAL, AlertKind.HEAP, "G1 Old Gen");
        try (CapturedStderr stderr = new CapturedStderr()) {
            responder.deliver(alert(Severity.WARNING, AlertKind.HEAP, "G1 Old Gen"));
            responder.deliver(heap);
            assertTrue(dumping.await(10, TimeUnit.SECONDS));
            responder.deliver(alert(Severity.CRITICAL, AlertKind.CONTAINER, "com.acme.A#cache"));
            release.countDown();

            Alert withDump = repeated.poll(10, TimeUnit.SECONDS);
            List<Path> files = listing();
            assertEquals(1, files.size(), files.toString());
            Path file = files.get(0);
            assertTrue(file.getFileName().toString().matches("leakwatch-7-\\d{8}-\\d{6}\\.hprof"), file.toString());
            assertEquals(file.toString(), withDump.heapDump());
            assertEquals("G1 Old Gen", withDump.pool());
            assertEquals(Severity.CRITICAL, withDump.severity());

            clock.addAndGet(LeakwatchConfig.HEAP_DUMP_MIN_PERIOD_MILLIS - 1);
            responder.deliver(alert(Severity.CRITICAL, AlertKind.HEAP, "G1 Old Gen"));
            assertEquals(null, repeated.poll(300, TimeUnit.MILLISECONDS));
            assertEquals(List.of("leakwatch-heap-dump"), dumpThreads, "one dump, on the agent's thread");
            assertEquals(List.of(file), listing());
            assertTrue(stderr.lines().stream().anyMatch(line -> line.startsWith("[leakwatch] heap dump written to "
                    + file + " (0.0 MiB, took ") && line.endsWith(" ms; the application paused for it)")),
                    stderr.lines().toString());
        }
    }

    @Test
    void noRoomIsOneLineCountedAndTheAgentGoesOn() throws Exception {
        HeapDumpResponder responder = responder(10);
        long before = SuppressedErrors.total(Source.RESPONDER);
        try (CapturedStderr stderr = new CapturedStderr()) {
            responder.deliver(alert(Severity.CRITICAL, AlertKind.CONTAINER, "com.acme.A#cache"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (SuppressedErrors.total(Source.RESPONDER) == before && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertEquals(before + 1, SuppressedErrors.total(Source.RESPONDER));
            assertTrue(dumpThreads.isEmpty());
            assertTrue(repeated.isEmpty());
            waitForLine(stderr);
            assertEquals(1, stderr.lines().size(), stderr.lines().toString());
            assertTrue(stderr.lines().get(0).startsWith(
                    "[leakwatch] no heap dump for the CRITICAL container alert of com.acme.A#cache: " + temp
                            + " has 0.0 MiB free"), stderr.lines().get(0));
        }
    }

    private List<Path> listing() throws IOException {
        try (Stream<Path> entries = Files.list(temp)) {
            return entries.collect(Collectors.toList());
        }
    }

    private static void waitForLine(CapturedStderr stderr) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (stderr.lines().isEmpty() && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
    }
}
