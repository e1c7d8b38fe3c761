package io.leakwatch.respond.heapdump;

import java.nio.file.Path;

/** A heap dump in place: where, how large, and how long the application was paused to write it. */
final class WrittenHeapDump {

    private final Path file;
    private final long bytes;
    private final long pauseMillis;

    WrittenHeapDump(Path file, long bytes, long pauseMillis) {
        this.file = file;
        this.bytes = bytes;
        this.pauseMillis = pauseMillis;
    }

    Path file() {
        return file;
    }

    long bytes() {
        return bytes;
    }

    long pauseMillis() {
        return pauseMillis;
    }
}
