package io.leakwatch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * Fields re-assigned some 200 times a second with a copy one element bigger (Map.copyOf, List.copyOf, a new ArrayList)
 * are reported as the field's growth; a field re-assigned as often with copies of a bounded size stays silent.
 */
class CopyOnWriteLeakIT {

    private static final String FLAGS = "com.acme.scenarios.CopyOnWrite$FeatureFlags#flags";
    private static final String TAGS = "com.acme.scenarios.CopyOnWrite$Tags#tags";
    private static final String TRAIL = "com.acme.scenarios.CopyOnWrite$AuditTrail#entries";

    @Test
    void copiesThatKeepGrowingAreTheFieldsGrowthAndBoundedCopiesAreNot() {
        try (ForkedJvm jvm = ForkedJvm.builder("com.acme.scenarios.CopyOnWrite")
                .agent("packages=com.acme.scenarios,interval=500ms,window=20s")
                .start()) {
            await("the growing copies are reported").atMost(Duration.ofSeconds(75)).pollInterval(Duration.ofMillis(500))
                    .until(() -> alertedSites(jvm).containsAll(Set.of(FLAGS, TAGS, TRAIL)));

            AlertRecord flags = jvm.alerts().stream().filter(alert -> FLAGS.equals(alert.site())).findFirst()
                    .orElseThrow();
            assertThat(flags.severity()).isEqualTo("WARNING");
            assertThat(flags.text("type")).startsWith("java.util.ImmutableCollections$Map");
            // About 200 copies a second, each one entry bigger, for over 20 s.
            assertThat(flags.json().get("size").asLong()).isGreaterThan(2_000);
            assertThat(flags.json().get("growthPerMin").asDouble()).isBetween(5_000.0, 20_000.0);

            await("the bounded copies are not reported").during(Duration.ofSeconds(20)).atMost(Duration.ofSeconds(25))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> alertedSites(jvm).equals(Set.of(FLAGS, TAGS, TRAIL)));
            assertThat(jvm.isAlive()).isTrue();
        }
    }

    private static Set<String> alertedSites(ForkedJvm jvm) {
        return jvm.alerts().stream().map(alert -> "container".equals(alert.kind()) ? alert.site() : alert.kind())
                .collect(Collectors.toSet());
    }
}
