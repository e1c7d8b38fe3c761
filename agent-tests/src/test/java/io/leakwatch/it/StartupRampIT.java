package io.leakwatch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A live set that rises at start (about 40 MB loaded in the first seconds of a 128 MB heap) and then
 * stays flat is a ramp, not a leak: over four windows it is never CRITICAL, and any WARNING is resolved. Its
 * twin, which goes on adding to the same working set, is reported, so a silent agent is told from a deaf one.
 * Containers that warm up and then stay bounded are not leaks either.
 */
class StartupRampIT {

    private static final String AGENT = "packages=com.acme.scenarios,interval=500ms,window=10s";
    private static final String SESSIONS_THAT_LEAK = "com.acme.scenarios.WarmingSessionMaps$ControlLeak#sessions";

    /** The reported case was G1's; the other collectors in the full matrix (scripts/soak). */
    static Stream<String> rampCollectors() {
        return GcMatrix.matrix(List.of(GcMatrix.G1));
    }

    /** A leak on ZGC is covered by HeapLeadTimeIT in CI. */
    static Stream<String> leakCollectors() {
        return GcMatrix.isFullMatrix() ? Stream.of(GcMatrix.G1, GcMatrix.ZGC) : Stream.of(GcMatrix.G1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rampCollectors")
    void aWorkingSetLoadedAtStartIsNotALeak(String collector) {
        try (ForkedJvm jvm = ForkedJvm.builder("com.acme.scenarios.StartupWorkingSet")
                .agent(AGENT).jvmOption(collector).jvmOption("-Xmx128m").start()) {
            await("the working set is loaded").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                    .until(() -> jvm.stdout().contains("loaded"));
            await("never CRITICAL over four windows").during(Duration.ofSeconds(40)).atMost(Duration.ofSeconds(45))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> {
                        assertThat(jvm.isAlive()).isTrue();
                        assertThat(describe(jvm.alerts())).noneMatch(alert -> alert.startsWith("CRITICAL"));
                    });
            await("any WARNING is resolved once the working set is flat").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(stillActive(describe(jvm.alerts()))).isEmpty());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("leakCollectors")
    void theSameWorkingSetGrowingOnIsALeak(String collector) {
        try (ForkedJvm jvm = ForkedJvm.builder("com.acme.scenarios.StartupWorkingSet")
                .agent(AGENT).jvmOption(collector).jvmOption("-Xmx128m").argument("keep-growing").start()) {
            await("the leak is reported").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> !describe(jvm.alerts()).isEmpty() || !jvm.isAlive());
            assertThat(describe(jvm.alerts())).as("stderr: %s", jvm.stderr()).isNotEmpty();
        }
    }

    /**
     * Containers warm up too: six session maps shaped like the payment demo's, watched as DemoAppIT watches the
     * demo (interval 1 s, window 20 s), fill for about ten seconds and then stay bounded under a sawtooth of
     * sweeps. None is reported over three and a half windows; a seventh whose sessions never expire is.
     */
    @Test
    void sessionMapsThatWarmUpAndThenStayBoundedAreNotLeaks() {
        try (ForkedJvm jvm = ForkedJvm.builder("com.acme.scenarios.WarmingSessionMaps")
                .agent("packages=com.acme.scenarios,interval=1s,window=20s")
                .argument("control-leak")
                .start()) {
            await("nothing but the control leak is reported").during(Duration.ofSeconds(70))
                    .atMost(Duration.ofSeconds(75)).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> {
                        assertThat(jvm.isAlive()).isTrue();
                        assertThat(describe(jvm.alerts())).allMatch(alert -> alert.endsWith(SESSIONS_THAT_LEAK));
                    });
            assertThat(describe(jvm.alerts())).as("the control leak is reported")
                    .anyMatch(alert -> alert.endsWith(SESSIONS_THAT_LEAK));
        }
    }

    /** The subjects whose latest alert is not RESOLVED. */
    private static List<String> stillActive(List<String> described) {
        Map<String, String> latest = new LinkedHashMap<>();
        for (String alert : described) {
            int space = alert.indexOf(' ');
            latest.put(alert.substring(space + 1), alert.substring(0, space));
        }
        return latest.entrySet().stream().filter(entry -> !entry.getValue().equals("RESOLVED"))
                .map(entry -> entry.getValue() + " " + entry.getKey()).collect(Collectors.toList());
    }

    private static List<String> describe(List<AlertRecord> alerts) {
        return alerts.stream().map(alert -> alert.severity() + " " + alert.kind() + " "
                + ("heap".equals(alert.kind()) ? alert.text("pool") : alert.site()))
                .collect(Collectors.toList());
    }
}
