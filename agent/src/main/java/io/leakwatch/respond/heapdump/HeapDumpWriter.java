package io.leakwatch.respond.heapdump;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Writes one heap dump into the dump folder, readable by its owner alone and under a name no file had before.
 * <p>
 * The JVM creates the dump file itself, with the permissions its own code chooses ({@code 0666} less the
 * umask: usually readable by everyone), and refuses a file that exists, so the agent cannot create the file
 * owner-only first and have the JVM fill it. Changing the permissions after the dump would leave the dump
 * readable while it is written, and a reader that opened it then keeps reading after the change. So the dump is
 * written into a fresh folder that only the owner can enter ({@code rwx------}, given to mkdir itself), made
 * owner-only there, and only then given its name in the dump folder: by a hard link, which fails rather than
 * replace a file of that name, or, where the file system has no hard links, by a move that refuses an existing
 * file. Nobody else can open the file at any moment.
 */
final class HeapDumpWriter {

    private static final String PRIVATE_FOLDER_PREFIX = ".leakwatch-dump-";

    private final Path dir;
    private final DiskRoom room;
    private final OwnerOnlyFiles files;
    private final Supplier<Optional<LiveHeapDump>> dumps;
    private final long pid;

    /**
     * @param dir   the dump folder, absolute
     * @param dumps the JVM's best way to dump, looked up when a dump is first wanted
     */
    HeapDumpWriter(Path dir, DiskRoom room, OwnerOnlyFiles files, Supplier<Optional<LiveHeapDump>> dumps, long pid) {
        this.dir = dir;
        this.room = room;
        this.files = files;
        this.dumps = dumps;
        this.pid = pid;
    }

    Path dir() {
        return dir;
    }

    OwnerOnlyFiles.Protection protection() {
        return files.protection();
    }

    /**
     * Writes the dump, named for {@code time}. Throws {@link HeapDumpRefused} when it did not call the dump (no
     * way to dump, no folder, no room); any other exception means the application was paused for a dump that
     * could not be kept.
     */
    WrittenHeapDump write(Instant time) throws HeapDumpRefused, Exception {
        LiveHeapDump dump = dumps.get().orElseThrow(() -> new HeapDumpRefused(
                "this JVM offers no way to dump the heap (no HotSpotDiagnosticMXBean)"));
        Path staging = prepare();
        DumpFileNames names = new DumpFileNames(pid, dump.extension());
        Path staged = staging.resolve(names.candidate(time, 0));
        try {
            long started = System.nanoTime();
            dump.dump(staged);
            long pauseMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            if (!Files.isRegularFile(staged)) {
                throw new IOException("the JVM wrote no file at " + staged);
            }
            files.restrictToOwner(staged);
            long bytes = Files.size(staged);
            return new WrittenHeapDump(place(staged, names, time), bytes, pauseMillis);
        } finally {
            // A dump that was not placed is not left behind in a folder nobody looks into.
            Files.deleteIfExists(staged);
            Files.deleteIfExists(staging);
        }
    }

    private Path prepare() throws HeapDumpRefused {
        try {
            files.ensureDirectory(dir);
            Optional<String> shortage = room.shortage(dir);
            if (shortage.isPresent()) {
                throw new HeapDumpRefused(shortage.get());
            }
            return files.createPrivateDirectory(dir, PRIVATE_FOLDER_PREFIX);
        } catch (IOException unusable) {
            throw new HeapDumpRefused("heapdump.dir " + dir + " cannot be used (" + unusable + ")");
        }
    }

    /** Gives the staged dump the first of its names that no file in the dump folder has. */
    private Path place(Path staged, DumpFileNames names, Instant time) throws IOException {
        for (int attempt = 0; attempt < DumpFileNames.ATTEMPTS; attempt++) {
            Path target = dir.resolve(names.candidate(time, attempt));
            try {
                linkOrMove(staged, target);
                return target;
            } catch (FileAlreadyExistsException taken) {
                // Another dump has this name: try the next.
            }
        }
        throw new IOException("the names " + names.candidate(time, 0) + " and " + (DumpFileNames.ATTEMPTS - 1)
                + " after it are all taken in " + dir);
    }

    private static void linkOrMove(Path staged, Path target) throws IOException {
        try {
            Files.createLink(target, staged);
        } catch (FileAlreadyExistsException taken) {
            throw taken;
        } catch (UnsupportedOperationException | FileSystemException noHardLinks) {
            Files.move(staged, target);
        }
    }
}
