package io.leakwatch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * A map with a fixed set of 100 keys whose value lists grow is reported at the map's field, its size counting the
 * nested elements; beside it, in the same JVM, maps with fixed keys whose values are bounded, flushed, not
 * collections, or 200,000 entries large stay silent.
 */
class NestedValuesLeakIT {

    private static final String LEDGER = "com.acme.scenarios.NestedValues$Ledger#byCustomer";

    @Test
    void growthInsideAMapsValuesIsReportedAtTheMapsFieldAndTheHealthyTwinsStaySilent() {
        try (ForkedJvm jvm = ForkedJvm.builder("com.acme.scenarios.NestedValues")
                .agent("packages=com.acme.scenarios,interval=500ms,window=10s")
                .start()) {
            await("the growing values are reported").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> alertedSites(jvm).contains(LEDGER));

            AlertRecord ledger = jvm.alerts().stream().filter(alert -> LEDGER.equals(alert.site())).findFirst()
                    .orElseThrow();
            assertThat(ledger.severity()).isEqualTo("WARNING");
            assertThat(ledger.text("type")).isEqualTo("java.util.HashMap");
            // About 2,000 transactions a second for over 10 s, in a map of 100 entries.
            assertThat(ledger.json().get("size").asLong()).as("size, counting the lists' elements").isGreaterThan(10_000);
            assertThat(ledger.json().get("growthPerMin").asDouble()).isBetween(60_000.0, 240_000.0);
            assertThat(ledger.json().get("estimatedBytes").asLong()).as("what the lists hold")
                    .isGreaterThan(ledger.json().get("size").asLong() * 16);

            await("nothing else is reported").during(Duration.ofSeconds(30)).atMost(Duration.ofSeconds(35))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> alertedSites(jvm).equals(Set.of(LEDGER)));
            assertThat(jvm.isAlive()).isTrue();
        }
    }

    private static Set<String> alertedSites(ForkedJvm jvm) {
        return jvm.alerts().stream().map(alert -> "container".equals(alert.kind()) ? alert.site() : alert.kind())
                .collect(Collectors.toSet());
    }
}
