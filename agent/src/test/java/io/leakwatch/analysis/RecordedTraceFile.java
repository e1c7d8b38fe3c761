package io.leakwatch.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One recorded trace under the test resources: tab-separated rows, {@code #} comments, and an end line
 * {@code # end <millis>[, OutOfMemoryError at <millis>]} in the trace's own time.
 */
final class RecordedTraceFile {

    private static final Pattern END = Pattern.compile("# end (\\d+)(?:, OutOfMemoryError at (\\d+))?");

    final List<String[]> rows;
    final long endMillis;
    final OptionalLong outOfMemoryMillis;

    private RecordedTraceFile(List<String[]> rows, long endMillis, OptionalLong outOfMemoryMillis) {
        this.rows = rows;
        this.endMillis = endMillis;
        this.outOfMemoryMillis = outOfMemoryMillis;
    }

    /** Reads {@code /<folder>/<name>} from the class path. */
    static RecordedTraceFile read(String folder, String name) {
        try (InputStream in = RecordedTraceFile.class.getResourceAsStream("/" + folder + "/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no trace " + folder + "/" + name);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            long end = -1;
            OptionalLong outOfMemory = OptionalLong.empty();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                Matcher ended = END.matcher(line);
                if (ended.matches()) {
                    end = Long.parseLong(ended.group(1));
                    outOfMemory = ended.group(2) == null ? OptionalLong.empty()
                            : OptionalLong.of(Long.parseLong(ended.group(2)));
                } else if (!line.startsWith("#") && !line.isBlank()) {
                    rows.add(line.split("\t"));
                }
            }
            if (end < 0) {
                throw new IllegalArgumentException("trace " + name + " has no end line");
            }
            return new RecordedTraceFile(rows, end, outOfMemory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
