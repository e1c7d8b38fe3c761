package io.leakwatch.respond.heapdump;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.LongSupplier;

import io.leakwatch.config.LeakwatchConfig;

/**
 * Whether the dump folder's disk can take a dump of this heap: its usable bytes must exceed the heap's used bytes
 * times {@link LeakwatchConfig#HEAP_DUMP_FREE_SPACE_FACTOR}. A leak that fills the heap must not go on to fill
 * the disk the application writes its data and logs to.
 */
final class DiskRoom {

    /** Usable bytes on the file store holding a folder. */
    interface FreeSpace {
        long usableBytes(Path dir) throws IOException;
    }

    private final LongSupplier heapUsedBytes;
    private final FreeSpace freeSpace;

    DiskRoom(LongSupplier heapUsedBytes, FreeSpace freeSpace) {
        this.heapUsedBytes = heapUsedBytes;
        this.freeSpace = freeSpace;
    }

    /** The file stores' own figures. */
    static FreeSpace fileStores() {
        return dir -> Files.getFileStore(dir).getUsableSpace();
    }

    /** Why there is no room for a dump in {@code dir}, or empty when there is. */
    Optional<String> shortage(Path dir) throws IOException {
        long needed = (long) (heapUsedBytes.getAsLong() * LeakwatchConfig.HEAP_DUMP_FREE_SPACE_FACTOR);
        long usable = freeSpace.usableBytes(dir);
        if (usable > needed) {
            return Optional.empty();
        }
        return Optional.of(dir + " has " + Mebibytes.of(usable) + " MiB free, a dump of this heap needs more than "
                + Mebibytes.of(needed) + " MiB");
    }
}
