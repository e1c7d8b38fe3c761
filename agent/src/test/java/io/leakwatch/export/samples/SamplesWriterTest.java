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

import io.leakwatch.log.SuppressedErrors;
import io.leakwatch.log.SuppressedErrors.Source;

class SamplesWriterTest {

    @Test
    void aWriterThatFallsBehindDropsPassesWithoutBlockingAndCountsThem(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("samples.jsonl");
        SamplesWriter writer = new SamplesWriter(new SamplesFile(file, 1000), 2);
        long before = SuppressedErrors.total(Source.RESPONDER);
        assertTrue(writer.offer("{\"pass\":1}\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(writer.offer("{\"pass\":2}\n".getBytes(StandardCharsets.UTF_8)));
        assertFalse(writer.offer("{\"pass\":3}\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals(before + 1, SuppressedErrors.total(Source.RESPONDER));

        writer.writeNext();
        writer.writeNext();
        assertEquals("{\"pass\":1}\n{\"pass\":2}\n", Files.readString(file));
    }

    @Test
    void aFileThatCannotBeWrittenFailsOnlyThatPass(@TempDir Path folder) throws Exception {
        Path notAFolder = folder.resolve("plain");
        Files.writeString(notAFolder, "");
        SamplesWriter writer = new SamplesWriter(new SamplesFile(notAFolder.resolve("samples.jsonl"), 1000), 2);
        writer.offer("{}\n".getBytes(StandardCharsets.UTF_8));
        assertThrows(IOException.class, writer::writeNext);
        assertTrue(writer.offer("{}\n".getBytes(StandardCharsets.UTF_8)), "the queue still takes passes");
    }
}
