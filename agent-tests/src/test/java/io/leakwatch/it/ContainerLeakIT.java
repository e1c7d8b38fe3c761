package io.leakwatch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** Three classic container leaks, in one forked JVM, each reported with its own site. */
class ContainerLeakIT {

    private static final String STATIC_MAP = "com.acme.scenarios.ContainerLeaks$PriceCache#PRICES";
    private static final String INSTANCE_FIELD = "com.acme.scenarios.ContainerLeaks$AuditService#handledRequests";
    private static final String LISTENERS = "com.acme.scenarios.ContainerLeaks$EventBus#listeners";

    @Test
    void reportsEachLeakWithItsSite() {
        try (ForkedJvm jvm = ForkedJvm.builder("com.acme.scenarios.ContainerLeaks")
                .agent("packages=com.acme.scenarios,interval=500ms,window=10s")
                .start()) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> warnedSites(jvm).containsAll(Set.of(STATIC_MAP, INSTANCE_FIELD, LISTENERS)));

            List<AlertRecord> alerts = jvm.alerts();
            assertThat(warnedSites(jvm)).containsExactlyInAnyOrder(STATIC_MAP, INSTANCE_FIELD, LISTENERS);
            AlertRecord map = alerts.stream().filter(a -> STATIC_MAP.equals(a.site())).findFirst().orElseThrow();
            assertThat(map.severity()).isEqualTo("WARNING");
            assertThat(map.kind()).isEqualTo("container");
            assertThat(map.text("type")).isEqualTo("java.util.HashMap");
            assertThat(map.json().get("size").asLong()).isGreaterThan(1000);
            assertThat(map.json().get("growthPerMin").asDouble()).isGreaterThan(10_000);
            assertThat(map.json().get("estimatedBytes").asLong()).isGreaterThan(map.json().get("size").asLong() * 16);
            assertThat(map.has("pool")).isFalse();
            assertThat(jvm.stderr()).anySatisfy(line -> assertThat(line).startsWith("[leakwatch] WARNING container " + STATIC_MAP));
        }
    }

    private static Set<String> warnedSites(ForkedJvm jvm) {
        return jvm.alerts().stream()
                .filter(alert -> "container".equals(alert.kind()))
                .map(AlertRecord::site)
                .collect(Collectors.toSet());
    }
}
