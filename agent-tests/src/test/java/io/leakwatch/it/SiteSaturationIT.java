package io.leakwatch.it;

import static io.leakwatch.it.otlp.OtlpArrivals.awaitMetric;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.leakwatch.it.otlp.OtlpReceiver;
import io.leakwatch.it.otlp.OtlpReceiver.ReceivedMetric;

/**
 * A site that is full is normal sampling, not lost data: a busy healthy site reports no dropped
 * registrations, only a full site; and a site filled by short-lived containers takes the next one once
 * they are collected, even before the sampler has looked.
 */
class SiteSaturationIT {

    private static final String REFILLED = "com.acme.scenarios.RefilledSite$Session#history";

    @Test
    void aBusyHealthySiteIsFullButDropsNothing() {
        try (OtlpReceiver receiver = OtlpReceiver.start();
                ForkedJvm jvm = ForkedJvm.builder("com.acme.scenarios.BusyHealthySite")
                        .agent("packages=com.acme.scenarios,interval=500ms,window=4s,exporter=otlp")
                        .environment("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint())
                        .environment("OTEL_METRIC_EXPORT_INTERVAL", "1000")
                        .start()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> jvm.stdout().contains("started"));
            Instant busy = Instant.now().plusSeconds(3);

            // Full is the state at a pass: a collection that happens just before one empties the site of its
            // requests' lists, and the next writes fill it again. So some pass finds it full, not every one.
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> pointsAfter(receiver, "leakwatch.sites.full", busy)
                            .anyMatch(full -> full.value() >= 1));
            awaitMetric(receiver, "leakwatch.registrations.dropped", Map.of(), busy);
            assertThat(pointsAfter(receiver, "leakwatch.registrations.dropped", busy).map(ReceivedMetric::value))
                    .as("registrations dropped by a healthy busy site, at every export").containsOnly(0.0);
            assertThat(awaitMetric(receiver, "leakwatch.containers.tracked", Map.of(), busy).value()).isPositive();
            assertThat(jvm.alerts()).isEmpty();
        }
    }

    private static Stream<ReceivedMetric> pointsAfter(OtlpReceiver receiver, String name, Instant after) {
        return receiver.metrics().stream()
                .filter(metric -> metric.name().equals(name) && metric.receivedAt().isAfter(after));
    }

    @Test
    void aContainerWrittenOnceAfterItsSiteEmptiedIsTracked() {
        try (ForkedJvm jvm = ForkedJvm.builder("com.acme.scenarios.RefilledSite")
                .agent("packages=com.acme.scenarios,interval=250ms,window=2s")
                .start()) {
            await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(200))
                    .until(() -> jvm.alerts().stream()
                            .anyMatch(alert -> REFILLED.equals(alert.site()) && "WARNING".equals(alert.severity())));
        }
    }
}
