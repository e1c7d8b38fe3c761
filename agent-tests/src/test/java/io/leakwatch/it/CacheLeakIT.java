package io.leakwatch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.common.cache.CacheBuilder;
import com.google.common.util.concurrent.internal.InternalFutureFailureAccess;

/**
 * Fields typed as Caffeine or Guava caches are containers: unbounded caches that grow are reported with
 * the cache's runtime type, and bounded or expiring caches churned much faster stay silent. Real jars.
 */
class CacheLeakIT {

    private static final String SERVICE = "com.acme.scenarios.CacheShapes$QuoteService#";
    private static final String PRICING = "com.acme.scenarios.CacheShapes$PricingService#";

    @Test
    void unboundedCachesThatGrowAreReportedAndBoundedOnesUnderChurnAreNot() {
        try (ForkedJvm jvm = ForkedJvm.builder("com.acme.scenarios.CacheShapes")
                .agent("packages=com.acme.scenarios,interval=250ms,window=5s")
                .classpathOf(Caffeine.class)
                .classpathOf(CacheBuilder.class)
                .classpathOf(InternalFutureFailureAccess.class)
                .start()) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> !jvm.isAlive() || reported(jvm, "quotes") && reported(jvm, "pendingQuotes")
                            && reported(jvm, "customerNames"));
            assertThat(jvm.isAlive()).as("stderr: %s", jvm.stderr()).isTrue();
            // Three more windows of churn through the bounded caches.
            await().during(Duration.ofSeconds(15)).atMost(Duration.ofSeconds(20))
                    .until(() -> jvm.alerts().stream().noneMatch(alert -> String.valueOf(alert.site())
                            .startsWith(PRICING)));

            List<AlertRecord> alerts = jvm.alerts();
            assertThat(alerts).filteredOn(alert -> (SERVICE + "quotes").equals(alert.site())).first()
                    .satisfies(alert -> assertThat(alert.text("type")).contains("caffeine").contains("Unbounded"));
            assertThat(alerts).filteredOn(alert -> (SERVICE + "customerNames").equals(alert.site())).first()
                    .satisfies(alert -> assertThat(alert.text("type")).startsWith("com.google.common.cache."));
            assertThat(jvm.isAlive()).isTrue();
        }
    }

    private static boolean reported(ForkedJvm jvm, String field) {
        return jvm.alerts().stream().anyMatch(alert -> "container".equals(alert.kind())
                && (SERVICE + field).equals(alert.site()) && "WARNING".equals(alert.severity()));
    }
}
