package io.leakwatch.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * How the bridge reached the boot loader, read from the forked JVM's class-load log: defined there directly
 * ({@code __JVM_DefineClass__}), or from a jar appended to the boot search path, the fallback that turns
 * class-data sharing off for the application.
 */
final class BridgeDefinitionLog {

    private static final String DEFINED_DIRECTLY = "io.leakwatch.bootstrap.LeakwatchBridge source: __JVM_DefineClass__";

    private BridgeDefinitionLog() {
    }

    /** The JVM option that writes the class-load log to {@code log}. */
    static String option(Path log) {
        return "-Xlog:class+load=info:file=" + log;
    }

    static boolean definedDirectly(Path log) {
        try {
            return Files.exists(log)
                    && Files.readAllLines(log).stream().anyMatch(line -> line.contains(DEFINED_DIRECTLY));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
