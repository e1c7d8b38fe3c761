package io.leakwatch.it;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

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

    /**
     * Runs of a test that measures time to an OutOfMemoryError, as (name, Java home, collector option): G1 and
     * ZGC on JDK 17 and on JDK 25 (generational ZGC) in the full matrix, those named in {@code inCi} in CI.
     */
    static Stream<Arguments> jdkRuns(String... inCi) {
        Path java17 = Paths.get(System.getProperty("java.home"));
        Path java25 = Paths.get(System.getProperty("leakwatch.java25"));
        List<Arguments> all = List.of(
                Arguments.of("G1, JDK 17", java17, G1),
                Arguments.of("ZGC, JDK 17", java17, ZGC),
                Arguments.of("G1, JDK 25", java25, G1),
                Arguments.of("ZGC, JDK 25", java25, ZGC));
        List<String> ci = List.of(inCi);
        return all.stream().filter(run -> isFullMatrix() || ci.contains((String) run.get()[0]));
    }

    static boolean isFullMatrix() {
        return "full".equals(System.getProperty("leakwatch.matrix"));
    }
}
