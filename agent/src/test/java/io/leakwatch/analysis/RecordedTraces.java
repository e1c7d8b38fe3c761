package io.leakwatch.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

/**
 * The recorded traces of a folder, listed in its {@code index.txt} as {@code <kind> <file> <pace>}: for healthy and leak
 * traces the slowest pace at which the trace is still the shape its kind says, for known false alarms the pace at
 * which one is raised (see the index's comments).
 */
final class RecordedTraces {

    private RecordedTraces() {
    }

    /** (file, pace) of the traces of one kind ({@code healthy}, {@code leak} or {@code known}) in the folder. */
    static Stream<Arguments> named(String folder, String kind) {
        try (InputStream in = RecordedTraces.class.getResourceAsStream("/" + folder + "/index.txt")) {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().filter(line -> line.startsWith(kind + " ")).map(line -> line.split("\\s+"))
                    .map(fields -> Arguments.of(fields[1], Double.parseDouble(fields[2])))
                    .collect(Collectors.toList()).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
