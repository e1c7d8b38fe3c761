package io.leakwatch.it.otlp;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.leakwatch.it.otlp.OtlpReceiver.ReceivedLog;
import io.leakwatch.it.otlp.OtlpReceiver.ReceivedMetric;

/** Waits for an alert record or a metric's data point to reach an {@link OtlpReceiver}. */
public final class OtlpArrivals {

    private OtlpArrivals() {
    }

    /** The first alert log record for {@code site} with this severity. */
    public static ReceivedLog awaitAlertRecord(OtlpReceiver receiver, String site, String severity) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> receiver.logs().stream()
                        .filter(log -> site.equals(log.attributes().get("site"))
                                && severity.equals(log.attributes().get("severity")))
                        .findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    /** The latest data point of {@code name} with (at least) these attributes, received after {@code after}. */
    public static ReceivedMetric awaitMetric(OtlpReceiver receiver, String name, Map<String, String> attributes,
            Instant after) {
        return await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> latest(receiver.metrics(), name, attributes, after), Optional::isPresent)
                .orElseThrow();
    }

    private static Optional<ReceivedMetric> latest(List<ReceivedMetric> metrics, String name,
            Map<String, String> attributes, Instant after) {
        return metrics.stream()
                .filter(metric -> metric.name().equals(name) && metric.receivedAt().isAfter(after)
                        && metric.attributes().entrySet().containsAll(attributes.entrySet()))
                .reduce((first, second) -> second);
    }
}
