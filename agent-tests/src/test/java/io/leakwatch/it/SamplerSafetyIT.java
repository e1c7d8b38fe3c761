package io.leakwatch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.google.common.collect.Queues;

/**
 * The sampler reads application containers without changing them and without being stopped by them:
 * a WeakHashMap sampled every 10 ms stays consistent, and a library queue whose size() blocks for good
 * costs that one type, not the sampling of the others.
 */
class SamplerSafetyIT {

    private static final String REQUEST_LOG = "com.acme.scenarios.StuckLibraryQueue$RequestLog#seen";
    private static final String WEAK_MAP = "com.acme.scenarios.WeakMapUnderSampling$MetadataCache#byToken";
    private static final String AUDIT = "com.acme.scenarios.WeakMapUnderSampling$TokenAudit#issued";
    private static final String STUCK_TYPE = "com.google.common.collect.Synchronized$SynchronizedQueue";

    @Test
    void aWeakHashMapSampledOftenStaysConsistentAndIsStillRead() {
        try (ForkedJvm jvm = ForkedJvm.builder("com.acme.scenarios.WeakMapUnderSampling")
                .agent("packages=com.acme.scenarios,interval=10ms,window=1s")
                .argument("100")
                .start()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> jvm.stdout().stream()
                    .anyMatch(line -> line.startsWith("weak map ")));
            assertThat(jvm.stdout()).filteredOn(line -> line.startsWith("weak map "))
                    .singleElement().asString().isEqualTo("weak map consistent: size=0 iterated=0");

            // The healthy twin: the same map, and a synchronized wrapper, leaking are still seen.
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> warnedSites(jvm).containsAll(List.of(WEAK_MAP, AUDIT)));
            assertThat(jvm.alerts()).filteredOn(alert -> WEAK_MAP.equals(alert.site())).first()
                    .satisfies(alert -> assertThat(alert.text("type")).isEqualTo("java.util.WeakHashMap"));
        }
    }

    private static List<String> warnedSites(ForkedJvm jvm) {
        return jvm.alerts().stream().filter(alert -> "WARNING".equals(alert.severity())).map(AlertRecord::site)
                .toList();
    }

    @Test
    void aSizeCallThatNeverReturnsCostsOnlyItsOwnType() throws Exception {
        try (ForkedJvm jvm = ForkedJvm.builder("com.acme.scenarios.StuckLibraryQueue")
                .agent("packages=com.acme.scenarios,interval=200ms,window=2s")
                .classpathOf(Queues.class)
                .start()) {
            await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200))
                    .until(() -> jvm.alerts().stream()
                            .anyMatch(alert -> REQUEST_LOG.equals(alert.site()) && "WARNING".equals(alert.severity())));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                    .until(() -> stuckNotices(jvm.stderr()) == 1);
            assertThat(jvm.stderr()).filteredOn(line -> line.contains(STUCK_TYPE)).singleElement().asString()
                    .startsWith("[leakwatch] ");
            assertThat(jvm.threadDump()).contains("\"leakwatch-watchdog\"");
            assertThat(jvm.isAlive()).isTrue();
        }
    }

    private static long stuckNotices(List<String> stderr) {
        return stderr.stream().filter(line -> line.contains(STUCK_TYPE)).count();
    }
}
