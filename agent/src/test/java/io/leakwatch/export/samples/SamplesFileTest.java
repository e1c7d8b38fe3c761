package io.leakwatch.export.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SamplesFileTest {

    private static byte[] pass(int number, int bytes) {
        String prefix = "{\"pass\":" + number + ",\"pad\":\"";
        String suffix = "\"}\n";
        return (prefix + "x".repeat(bytes - prefix.length() - suffix.length()) + suffix).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void createsTheFileAndItsFoldersWhenMissing(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("a/b/samples.jsonl");
        new SamplesFile(file, 1000).append(new byte[0]);
        assertTrue(Files.exists(file));
        assertEquals(0, Files.size(file));
    }

    @Test
    void rotatesToOneOlderGenerationSoTheTwoNeverExceedTwiceTheMaximum(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("samples.jsonl");
        Path previous = folder.resolve("samples.jsonl.1");
        SamplesFile samples = new SamplesFile(file, 1000);
        for (int pass = 0; pass < 35; pass++) {
            samples.append(pass(pass, 100));
            assertTrue(Files.size(file) <= 1000, "current generation within its maximum after pass " + pass);
        }
        // 35 passes of 100 bytes, 10 per generation: passes 30-34 now, 20-29 in the older generation, 0-19 gone.
        assertEquals(500, Files.size(file));
        assertEquals(1000, Files.size(previous));
        assertTrue(Files.readString(file).startsWith("{\"pass\":30,"));
        assertTrue(Files.readString(previous).startsWith("{\"pass\":20,"));
        try (var listing = Files.list(folder)) {
            assertEquals(2, listing.count(), "no third generation");
        }
    }

    @Test
    void aBatchIsNeverSplitAcrossGenerations(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("samples.jsonl");
        SamplesFile samples = new SamplesFile(file, 1000);
        samples.append(pass(0, 600));
        samples.append(pass(1, 600));
        assertTrue(Files.readString(file).startsWith("{\"pass\":1,"));
        assertEquals(600, Files.size(file));
        assertEquals(600, Files.size(SamplesFile.previousGeneration(file)));
    }

    @Test
    void refusesABatchLargerThanTheMaximumAndWritesNothing(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("samples.jsonl");
        SamplesFile samples = new SamplesFile(file, 1000);
        assertThrows(IOException.class, () -> samples.append(pass(0, 1001)));
        assertFalse(Files.exists(file));
    }

    @Test
    void aFileDeletedMeanwhileIsCreatedAgain(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("samples.jsonl");
        SamplesFile samples = new SamplesFile(file, 1000);
        samples.append(pass(0, 100));
        Files.delete(file);
        samples.append(pass(1, 100));
        assertEquals(100, Files.size(file));
    }
}
