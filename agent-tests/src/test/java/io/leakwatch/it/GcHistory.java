package io.leakwatch.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A forked JVM's collections, read from the log that {@link #LOG_OPTION} makes it write into its folder, condensed to
 * one short entry per collection (uptime, kind, old regions before and after) so that a test's failure message can
 * show what the collector did: a false heap alarm is explained by its history, not by the alert alone.
 */
final class GcHistory {

    /** Writes, relative to the forked JVM's folder, each collection's summary and region counts. */
    static final String LOG_OPTION = "-Xlog:gc,gc+heap:file=gc.log";

    private static final Pattern REGIONS = Pattern.compile("\\[([0-9.]+)s\\].*GC\\((\\d+)\\) Old regions: (\\d+)->(\\d+)");
    private static final Pattern SUMMARY = Pattern.compile("\\[([0-9.]+)s\\].*GC\\((\\d+)\\) (Pause [A-Za-z]+(?: \\([^)]*\\))?)");

    private GcHistory() {
    }

    /** One entry per collection of the JVM whose events file is {@code eventsFile}, or why there is none. */
    static String of(Path eventsFile) {
        Path log = eventsFile.resolveSibling("gc.log");
        if (!Files.exists(log)) {
            return "no GC log at " + log;
        }
        try {
            List<String> entries = new ArrayList<>();
            String kind = "";
            for (String line : Files.readAllLines(log)) {
                Matcher summary = SUMMARY.matcher(line);
                if (summary.find()) {
                    kind = summary.group(3).replace("Pause ", "");
                    // Remark and cleanup print no region counts; their summary says what they freed.
                    if (line.contains("->") && (kind.startsWith("Remark") || kind.startsWith("Cleanup"))) {
                        entries.add(summary.group(1) + "s " + line.substring(summary.start(3)));
                    }
                }
                Matcher regions = REGIONS.matcher(line);
                if (regions.find()) {
                    entries.add(regions.group(1) + "s " + kind + " old " + regions.group(3) + "->" + regions.group(4));
                }
            }
            return String.join("; ", entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
