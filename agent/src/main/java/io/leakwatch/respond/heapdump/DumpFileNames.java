package io.leakwatch.respond.heapdump;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Names of heap dump files, {@code leakwatch-<pid>-<yyyyMMdd-HHmmss>.hprof} (UTC; {@code .hprof.gz} when
 * compressed), and the names to try next when one is taken: {@code -2}, {@code -3} and so on before the
 * extension. Two JVMs with the same pid (pid 1 in two containers sharing a volume) may dump in the same second;
 * whoever places the file tries these in turn and never replaces one that exists.
 */
final class DumpFileNames {

    /** Names tried before giving up; the first is taken only by another JVM of the same pid, the same second. */
    static final int ATTEMPTS = 100;

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC);

    private final long pid;
    private final String extension;

    /** @param extension {@code .hprof} or {@code .hprof.gz} */
    DumpFileNames(long pid, String extension) {
        this.pid = pid;
        this.extension = extension;
    }

    /** The name to try at {@code attempt} (0 first) for a dump taken at {@code time}. */
    String candidate(Instant time, int attempt) {
        String base = "leakwatch-" + pid + "-" + STAMP.format(time);
        return attempt == 0 ? base + extension : base + "-" + (attempt + 1) + extension;
    }
}
