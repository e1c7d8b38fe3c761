package io.leakwatch.respond.heapdump;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class DumpFileNamesTest {

    private static final Instant TIME = Instant.parse("2026-03-04T05:06:07.890Z");

    @Test
    void namedForThePidAndTheSecondInUtc() {
        assertEquals("leakwatch-4711-20260304-050607.hprof", new DumpFileNames(4711, ".hprof").candidate(TIME, 0));
        assertEquals("leakwatch-1-20260304-050607.hprof.gz", new DumpFileNames(1, ".hprof.gz").candidate(TIME, 0));
    }

    @Test
    void laterAttemptsAreNumberedBeforeTheExtensionAndAllDiffer() {
        DumpFileNames names = new DumpFileNames(1, ".hprof.gz");
        assertEquals("leakwatch-1-20260304-050607-2.hprof.gz", names.candidate(TIME, 1));
        Set<String> all = new HashSet<>();
        for (int attempt = 0; attempt < DumpFileNames.ATTEMPTS; attempt++) {
            all.add(names.candidate(TIME, attempt));
        }
        assertEquals(DumpFileNames.ATTEMPTS, all.size());
    }
}
