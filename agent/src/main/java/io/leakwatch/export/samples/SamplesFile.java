package io.leakwatch.export.samples;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * {@code samples.file} on disk, bounded: a batch that would take the file past its maximum first renames it to
 * {@code <file>.1}, replacing the generation before, so the two together never hold more than twice the maximum.
 * The file and its folders are created if missing (owner-only, like the events file: samples name the
 * application's fields); a file deleted or moved meanwhile is created again. One JVM per file.
 */
public final class SamplesFile {

    private static final Set<OpenOption> APPEND =
            Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    private static final FileAttribute<?>[] OWNER_ONLY_FILE =
            {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
    private static final FileAttribute<?>[] OWNER_ONLY_FOLDER =
            {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))};
    private static final FileAttribute<?>[] NO_ATTRIBUTES = {};

    private final Path file;
    private final Path previous;
    private final long maxBytes;
    private final boolean posix;

    public SamplesFile(Path file, long maxBytes) {
        this.file = file;
        this.previous = previousGeneration(file);
        this.maxBytes = maxBytes;
        this.posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Where the older generation of {@code file} is kept: {@code <file>.1}. */
    public static Path previousGeneration(Path file) {
        return file.resolveSibling(file.getFileName() + ".1");
    }

    public Path path() {
        return file;
    }

    /** Appends the batch whole, after rotating if it would not fit; an empty batch only creates the file. */
    public void append(byte[] batch) throws IOException {
        if (batch.length > maxBytes) {
            throw new IOException("one pass's samples (" + batch.length + " bytes) exceed the file's maximum of "
                    + maxBytes + " bytes; that pass was not written");
        }
        Path parent = file.getParent();
        if (parent != null) {
            Files.createDirectories(parent, posix ? OWNER_ONLY_FOLDER : NO_ATTRIBUTES);
        }
        if (batch.length > 0 && currentSize() + batch.length > maxBytes) {
            Files.move(file, previous, StandardCopyOption.REPLACE_EXISTING);
        }
        try (FileChannel channel = FileChannel.open(file, APPEND, posix ? OWNER_ONLY_FILE : NO_ATTRIBUTES)) {
            ByteBuffer remaining = ByteBuffer.wrap(batch);
            while (remaining.hasRemaining()) {
                channel.write(remaining);
            }
        }
    }

    private long currentSize() throws IOException {
        try {
            return Files.size(file);
        } catch (NoSuchFileException deletedMeanwhile) {
            return 0;
        }
    }
}
