package io.leakwatch.it;

import java.util.List;
import java.util.stream.Stream;

/**
 * The garbage collectors a heap test runs under. The full matrix is the soak run
 * ({@code scripts/soak}, {@code -Dleakwatch.matrix=full}); CI runs a short version that still covers
 * every collector across the heap tests as a whole, to stay within its time budget.
 */
final class GcMatrix {

    static final String G1 = "-XX:+UseG1GC";
    static final String PARALLEL = "-XX:+UseParallelGC";
    static final String SERIAL = "-XX:+UseSerialGC";
    static final String ZGC = "-XX:+UseZGC";

    private GcMatrix() {
    }

    /** The full matrix only when asked for; else the collectors named for CI. */
    static Stream<String> matrix(List<String> inCi) {
        return isFullMatrix() ? Stream.of(G1, PARALLEL, SERIAL, ZGC) : inCi.stream();
    }

    static boolean isFullMatrix() {
        return "full".equals(System.getProperty("leakwatch.matrix"));
    }
}
