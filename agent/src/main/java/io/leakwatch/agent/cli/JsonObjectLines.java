package io.leakwatch.agent.cli;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

import io.leakwatch.log.EchoedValue;

/**
 * A JSON-lines file read one object at a time, blank lines skipped, with typed access to an object's fields;
 * whatever is not as expected is refused with the number of its line.
 */
final class JsonObjectLines implements Closeable {

    private final EventsFileLines lines;
    private Map<?, ?> current;

    private JsonObjectLines(EventsFileLines lines) {
        this.lines = lines;
    }

    static JsonObjectLines open(Path file) throws IOException {
        return new JsonObjectLines(EventsFileLines.open(file));
    }

    /** Moves to the next object; false at the end of the file. */
    boolean next() throws IOException {
        for (String line = lines.next(); line != null; line = lines.next()) {
            if (line.trim().isEmpty()) {
                continue;
            }
            Object parsed;
            try {
                parsed = StrictJson.parse(line);
            } catch (StrictJson.SyntaxError e) {
                throw refused("is not JSON: " + e.getMessage());
            }
            if (!(parsed instanceof Map)) {
                throw refused("is not a JSON object");
            }
            current = (Map<?, ?>) parsed;
            return true;
        }
        return false;
    }

    /** A string field of the current object; null when absent. */
    String text(String name) throws IOException {
        Object value = current.get(name);
        if (value != null && !(value instanceof String)) {
            throw refused("has a \"" + name + "\" that is not a string");
        }
        return (String) value;
    }

    String requiredText(String name) throws IOException {
        String value = text(name);
        if (value == null) {
            throw refused("has no \"" + name + "\"");
        }
        return value;
    }

    /** A number field of the current object; null when absent. */
    Double number(String name) throws IOException {
        Object value = current.get(name);
        if (value != null && !(value instanceof Double)) {
            throw refused("has a \"" + name + "\" that is not a number");
        }
        return (Double) value;
    }

    double requiredNumber(String name) throws IOException {
        Double value = number(name);
        if (value == null) {
            throw refused("has no \"" + name + "\"");
        }
        return value;
    }

    /** The object's {@code time}, an ISO-8601 instant, in epoch milliseconds. */
    long time() throws IOException {
        String time = requiredText("time");
        try {
            return Instant.parse(time).toEpochMilli();
        } catch (DateTimeParseException | ArithmeticException e) {
            throw refused("has a \"time\" that is not an ISO-8601 instant: " + EchoedValue.quoted(time));
        }
    }

    /** A refusal of the current line, naming it. */
    EventsFileLines.BadLine refused(String problem) {
        return new EventsFileLines.BadLine(lines.number(), problem);
    }

    @Override
    public void close() throws IOException {
        lines.close();
    }
}
