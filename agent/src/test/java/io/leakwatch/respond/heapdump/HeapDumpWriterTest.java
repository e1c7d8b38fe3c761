package io.leakwatch.respond.heapdump;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeapDumpWriterTest {

    private static final Instant TIME = Instant.parse("2026-03-04T05:06:07Z");
    private static final long PID = 4711;
    private static final byte[] CONTENT = "JAVA PROFILE 1.0.2\0".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path temp;

    /** Writes the file as the JVM does: refusing one that exists, readable by everyone. */
    private final List<Path> dumpedTo = new ArrayList<>();
    private final LiveHeapDump jvmLike = new LiveHeapDump() {
        @Override
        public String extension() {
            return ".hprof";
        }

        @Override
        public void dump(Path file) throws IOException {
            dumpedTo.add(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
            Files.write(file, CONTENT);
        }
    };

    private HeapDumpWriter writer(Path dir, long usableBytes, LiveHeapDump dump) {
        return new HeapDumpWriter(dir, new DiskRoom(() -> 1000, folder -> usableBytes),
                new OwnerOnlyFiles(dir.getFileSystem()), () -> Optional.ofNullable(dump), PID);
    }

    @Test
    void theDumpIsOwnerOnlyUnderItsFreshNameAndNothingElseIsLeft() throws Exception {
        WrittenHeapDump written = writer(temp, Long.MAX_VALUE, jvmLike).write(TIME);

        Path expected = temp.resolve("leakwatch-4711-20260304-050607.hprof");
        assertEquals(expected, written.file());
        assertArrayEquals(CONTENT, Files.readAllBytes(expected));
        assertEquals(CONTENT.length, written.bytes());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(expected)));
        assertEquals(List.of(expected), listing(temp), "the private folder is gone");
    }

    @Test
    void theJvmWritesIntoAFolderOnlyTheOwnerCanEnter() throws Exception {
        List<String> folderPermissions = new ArrayList<>();
        writer(temp, Long.MAX_VALUE, new LiveHeapDump() {
            @Override
            public String extension() {
                return ".hprof";
            }

            @Override
            public void dump(Path file) throws Exception {
                folderPermissions.add(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
                jvmLike.dump(file);
            }
        }).write(TIME);
        assertEquals(List.of("rwx------"), folderPermissions);
        assertFalse(dumpedTo.get(0).getParent().equals(temp), "never written where others may look");
    }

    @Test
    void neverOverwritesAFileOfTheSameName() throws Exception {
        Path first = temp.resolve("leakwatch-4711-20260304-050607.hprof");
        Path second = temp.resolve("leakwatch-4711-20260304-050607-2.hprof");
        Files.write(first, new byte[] {1});
        Files.write(second, new byte[] {2});

        WrittenHeapDump written = writer(temp, Long.MAX_VALUE, jvmLike).write(TIME);

        assertEquals(temp.resolve("leakwatch-4711-20260304-050607-3.hprof"), written.file());
        assertArrayEquals(new byte[] {1}, Files.readAllBytes(first));
        assertArrayEquals(new byte[] {2}, Files.readAllBytes(second));
        assertArrayEquals(CONTENT, Files.readAllBytes(written.file()));
    }

    @Test
    void aMissingFolderIsCreatedForItsOwnerAlone() throws Exception {
        Path dir = temp.resolve("dumps").resolve("app");
        writer(dir, Long.MAX_VALUE, jvmLike).write(TIME);
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.getParent())));
    }

    @Test
    void noRoomOnDiskRefusesBeforeTheDump() {
        HeapDumpRefused refused = assertThrows(HeapDumpRefused.class, () -> writer(temp, 1000, jvmLike).write(TIME));
        assertTrue(refused.getMessage().contains(temp + " has 0.0 MiB free"), refused.getMessage());
        assertTrue(dumpedTo.isEmpty());
        assertEquals(List.of(), listing(temp));
    }

    @Test
    void noWayToDumpIsRefused() {
        HeapDumpRefused refused = assertThrows(HeapDumpRefused.class,
                () -> writer(temp, Long.MAX_VALUE, null).write(TIME));
        assertTrue(refused.getMessage().contains("no HotSpotDiagnosticMXBean"), refused.getMessage());
    }

    @Test
    void aFailedDumpLeavesNothingBehind() {
        LiveHeapDump failing = new LiveHeapDump() {
            @Override
            public String extension() {
                return ".hprof";
            }

            @Override
            public void dump(Path file) throws IOException {
                Files.write(file, new byte[] {1, 2, 3});
                throw new IOException("No space left on device");
            }
        };
        IOException failure = assertThrows(IOException.class, () -> writer(temp, Long.MAX_VALUE, failing).write(TIME));
        assertEquals("No space left on device", failure.getMessage());
        assertEquals(List.of(), listing(temp));
    }

    private static List<Path> listing(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.collect(Collectors.toList());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
