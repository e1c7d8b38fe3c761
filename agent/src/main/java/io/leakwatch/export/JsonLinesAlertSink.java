package io.leakwatch.export;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

import io.leakwatch.analysis.Alert;
import io.leakwatch.config.LeakwatchConfig;
import io.leakwatch.log.AgentLog;
import io.leakwatch.log.EchoedValue;

/**
 * Appends each alert as one JSON line. The file is opened per alert: alerts are rare, and a file that was
 * rotated or deleted meanwhile is simply created again. Alerts name the application's internals, so a file
 * or folder the sink creates is its owner's only (where the file system has POSIX permissions); an existing
 * file keeps the permissions it has. Each line is one write under an exclusive lock, so JVMs appending to
 * one file never interleave their lines, however long.
 */
public final class JsonLinesAlertSink implements AlertSink {

    private static final Set<OpenOption> APPEND =
            Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    private static final FileAttribute<?>[] OWNER_ONLY_FILE =
            {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))};
    private static final FileAttribute<?>[] OWNER_ONLY_FOLDER =
            {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))};
    private static final FileAttribute<?>[] NO_ATTRIBUTES = {};
    /** A file path is shown whole up to this length; a longer one is not a path anyone typed. */
    private static final int MAX_SHOWN_PATH_CHARS = 4096;

    /** The JVM allows one lock per file at a time, across all channels; alerts of this JVM take turns. */
    private static final Object APPENDING = new Object();

    private final Path file;
    private final boolean posix;

    public JsonLinesAlertSink(Path file) {
        this.file = file;
        this.posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /**
     * A sink for {@code file}, which is created (empty) now if missing, so a path that cannot be written is
     * reported in one line at start rather than at the first alert. The sink is returned either way and
     * keeps trying: the folder may become writable later.
     */
    public static JsonLinesAlertSink open(Path file) {
        JsonLinesAlertSink sink = new JsonLinesAlertSink(file);
        sink.append(new byte[0]);
        return sink;
    }

    @Override
    public void deliver(Alert alert) {
        append((AlertJson.toJson(alert) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private void append(byte[] line) {
        try {
            Path parent = file.getParent();
            if (parent != null) {
                Files.createDirectories(parent, posix ? OWNER_ONLY_FOLDER : NO_ATTRIBUTES);
            }
            synchronized (APPENDING) {
                try (FileChannel channel = FileChannel.open(file, APPEND, posix ? OWNER_ONLY_FILE : NO_ATTRIBUTES);
                        FileLock lock = lock(channel)) {
                    ByteBuffer remaining = ByteBuffer.wrap(line);
                    while (remaining.hasRemaining()) {
                        channel.write(remaining);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            AgentLog.once("events-file:" + file, "cannot append alerts to events.file "
                    + EchoedValue.of(file.toString(), MAX_SHOWN_PATH_CHARS) + " (" + describe(e)
                    + "); alerts still go to the other sinks");
        }
    }

    /** Waits a bounded time for another JVM's append to finish: the sampler thread must not hang on a stuck one. */
    private static FileLock lock(FileChannel channel) throws IOException {
        long deadline = System.nanoTime() + LeakwatchConfig.EVENTS_FILE_LOCK_WAIT_MILLIS * 1_000_000L;
        for (FileLock lock = channel.tryLock(); ; lock = channel.tryLock()) {
            if (lock != null) {
                return lock;
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IOException("another process held the file locked for "
                        + LeakwatchConfig.EVENTS_FILE_LOCK_WAIT_MILLIS + "ms; this alert was not written");
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for the file lock");
            }
        }
    }

    private String describe(Exception e) {
        StringBuilder text = new StringBuilder(e.getClass().getSimpleName());
        if (e instanceof FileSystemException) {
            FileSystemException failure = (FileSystemException) e;
            if (failure.getReason() != null) {
                text.append(": ").append(failure.getReason());
            }
            if (failure.getFile() != null && !failure.getFile().equals(file.toString())) {
                text.append(": ").append(failure.getFile());
            }
        } else if (e.getMessage() != null) {
            text.append(": ").append(e.getMessage());
        }
        return EchoedValue.of(text.toString(), MAX_SHOWN_PATH_CHARS);
    }
}
