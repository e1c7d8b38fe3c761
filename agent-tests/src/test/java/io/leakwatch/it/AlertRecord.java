package io.leakwatch.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One line of an events file, parsed as JSON. */
record AlertRecord(JsonNode json) {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static List<AlertRecord> readAll(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<AlertRecord> alerts = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            try {
                alerts.add(new AlertRecord(MAPPER.readTree(line)));
            } catch (IOException e) {
                // The agent may be half-way through appending the last line.
                if (line != lines.get(lines.size() - 1)) {
                    throw new AssertionError("not a JSON line: " + line, e);
                }
            }
        }
        return alerts;
    }

    String text(String field) {
        JsonNode node = json.get(field);
        return node == null ? null : node.asText();
    }

    boolean has(String field) {
        return json.has(field);
    }

    String severity() {
        return text("severity");
    }

    String kind() {
        return text("kind");
    }

    String site() {
        return text("site");
    }

    Instant time() {
        return Instant.parse(text("time"));
    }

    @Override
    public String toString() {
        return json.toString();
    }
}
