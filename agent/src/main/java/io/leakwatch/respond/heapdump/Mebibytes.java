package io.leakwatch.respond.heapdump;

import java.util.Locale;

/** Byte counts as the agent's lines show them: mebibytes with one decimal. */
final class Mebibytes {

    private static final double BYTES = 1024.0 * 1024.0;

    private Mebibytes() {
    }

    static String of(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / BYTES);
    }
}
