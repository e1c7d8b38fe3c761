package io.leakwatch.respond.heapdump;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.leakwatch.config.LeakwatchConfig;

class DiskRoomTest {

    private static final long MIB = 1024 * 1024;
    private static final Path DIR = Path.of("/dumps");

    @Test
    void roomWhenTheDiskHoldsMoreThanTheHeapWithItsMargin() throws Exception {
        long heapUsed = 100 * MIB;
        long needed = (long) (heapUsed * LeakwatchConfig.HEAP_DUMP_FREE_SPACE_FACTOR);
        assertTrue(new DiskRoom(() -> heapUsed, dir -> needed + 1).shortage(DIR).isEmpty());
        assertFalse(new DiskRoom(() -> heapUsed, dir -> needed).shortage(DIR).isEmpty());
        assertFalse(new DiskRoom(() -> heapUsed, dir -> heapUsed + 1).shortage(DIR).isEmpty(),
                "the heap's size alone is not enough");
    }

    @Test
    void theShortageNamesTheFolderAndBothFigures() throws Exception {
        Path[] asked = new Path[1];
        Optional<String> shortage = new DiskRoom(() -> 512 * MIB, dir -> {
            asked[0] = dir;
            return 10 * MIB;
        }).shortage(DIR);
        assertEquals(DIR, asked[0]);
        assertEquals(DIR + " has 10.0 MiB free, a dump of this heap needs more than 1024.0 MiB", shortage.get());
    }
}
