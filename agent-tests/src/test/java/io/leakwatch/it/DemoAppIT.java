package io.leakwatch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.leakwatch.it.otlp.OtlpArrivals;
import io.leakwatch.it.otlp.OtlpReceiver;
import io.leakwatch.it.otlp.OtlpReceiver.ReceivedLog;

/** The payment demo under the shaded agent: its real leak is named at its field, its healthy run raises nothing. */
class DemoAppIT {

    private static final Path DEMO_JAR = Paths.get(System.getProperty("leakwatch.demoJar"));
    private static final String LEAKING_SITE = "com.acme.payment.FraudService#recentTransactions";
    private static final String AGENT_OPTIONS = "packages=com.acme.payment,interval=1s,window=20s";
    private static final Pattern REQUESTS_OK = Pattern.compile("^\\[payment\\] \\d+s: requests ok=(\\d+) ");

    /** The README's OTLP variant: the same run, exported to a collector (here the test receiver). */
    @Test
    void namesTheFraudHistoryMapAsTheLeakAlsoOverOtlp() throws IOException {
        try (OtlpReceiver collector = OtlpReceiver.start();
                ForkedJvm demo = demo("--feature", "fraud-history", "--load", "300", "--port", "0", "--duration", "3m")
                        .agent(AGENT_OPTIONS + ",exporter=otlp")
                        .environment("OTEL_EXPORTER_OTLP_ENDPOINT", collector.endpoint())
                        .environment("OTEL_SERVICE_NAME", "payment-demo")
                        .environment("OTEL_METRIC_EXPORT_INTERVAL", "5000")
                        .start()) {
            await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> leakAlert(demo).isPresent() || !demo.isAlive());
            AlertRecord alert = leakAlert(demo).orElseThrow(() -> new AssertionError("no alert for " + LEAKING_SITE
                    + "; alerts: " + demo.alerts() + "; stdout: " + demo.stdout() + "; stderr: " + demo.stderr()));

            assertThat(alert.severity()).isIn("WARNING", "CRITICAL");
            assertThat(alert.text("type")).isNotBlank();
            assertThat(alert.json().get("size").asLong()).isPositive();
            assertThat(alert.json().get("growthPerMin").asDouble()).isPositive();
            assertThat(alert.json().get("estimatedBytes").asLong()).isPositive();

            // The alert repeated with evidence: the Transaction entries, made at the line that adds them to the map,
            // with the request path above it. The recording of allocations goes on until one was sampled.
            await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> evidenceFor(demo).isPresent() || !demo.isAlive());
            JsonNode evidence = evidenceFor(demo).orElseThrow(() -> new AssertionError("no evidence for "
                    + LEAKING_SITE + "; stderr: " + demo.stderr()));
            List<String> entries = new ArrayList<>();
            for (JsonNode piece : evidence) {
                if ("com.acme.payment.Transaction".equals(piece.get("type").asText())) {
                    piece.get("stack").forEach(frame -> entries.add(frame.asText()));
                }
            }
            assertThat(entries).as("the Transaction entries' allocation stack in " + evidence)
                    .startsWith("com.acme.payment.FraudService.assess(FraudService.java:" + lineAddingToTheMap() + ")")
                    .anyMatch(frame -> frame.startsWith("com.acme.payment.CheckoutHandler."));

            // The heap itself: the map fills the old generation, and its pool is reported CRITICAL, with the time to
            // exhaustion, before the demo ends (it would die of OutOfMemoryError about a minute after its 3 minutes).
            await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> heapCritical(demo).isPresent() || !demo.isAlive());
            AlertRecord heap = heapCritical(demo).orElseThrow(() -> new AssertionError("no heap CRITICAL; alerts: "
                    + demo.alerts() + "; stderr: " + demo.stderr()));
            assertThat(heap.json().get("secondsToExhaustion").asDouble()).isPositive();
            assertThat(heap.json().get("heapUsedAfterGc").asLong()).isLessThan(heap.json().get("heapMax").asLong());

            ReceivedLog record = OtlpArrivals.awaitAlertRecord(collector, LEAKING_SITE, alert.severity());
            assertThat(record.resource()).containsEntry("service.name", "payment-demo");
            assertThat(OtlpArrivals.awaitMetric(collector, "leakwatch.container.size", Map.of("site", LEAKING_SITE),
                    Instant.parse(alert.text("time"))).value()).isPositive();
        }
    }

    @Test
    void raisesNothingWhileTheServiceIsHealthy() throws IOException, InterruptedException {
        try (ForkedJvm demo = demo("--load", "300", "--port", "0", "--duration", "90s").start()) {
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> requestsOk(demo) > 0 || !demo.isAlive());
            long servedBefore = requestsOk(demo);
            assertThat(servedBefore).as("requests served; stderr: %s", demo.stderr()).isPositive();

            await().during(Duration.ofSeconds(60)).atMost(Duration.ofSeconds(75)).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> {
                        assertThat(demo.isAlive()).as("demo alive; stderr: %s", demo.stderr()).isTrue();
                        assertThat(demo.alerts()).isEmpty();
                    });

            assertThat(requestsOk(demo)).as("still serving after the quiet minute").isGreaterThan(servedBefore);
            assertThat(demo.stderr())
                    .noneMatch(line -> line.startsWith("[leakwatch] could not"))
                    .noneMatch(line -> line.contains("leakwatch is disabled"));
            assertThat(demo.threadDump()).as("the agent's sampler runs in the demo JVM").contains("\"leakwatch-sampler\"");
        }
    }

    private static Optional<JsonNode> evidenceFor(ForkedJvm demo) {
        return demo.alerts().stream()
                .filter(alert -> LEAKING_SITE.equals(alert.site()) && alert.has("evidence"))
                .map(alert -> alert.json().get("evidence"))
                .findFirst();
    }

    /** Read from the demo's source, so that editing it cannot break the test. */
    private static int lineAddingToTheMap() throws IOException {
        List<String> source = Files.readAllLines(Path.of("../demo-app/src/main/java/com/acme/payment/FraudService.java"));
        for (int i = 0; i < source.size(); i++) {
            if (source.get(i).contains("recentTransactions.put(")) {
                return i + 1;
            }
        }
        throw new AssertionError("FraudService no longer puts into recentTransactions");
    }

    private static Optional<AlertRecord> heapCritical(ForkedJvm demo) {
        return demo.alerts().stream()
                .filter(alert -> "heap".equals(alert.kind()) && "CRITICAL".equals(alert.severity()))
                .findFirst();
    }

    private static Optional<AlertRecord> leakAlert(ForkedJvm demo) {
        return demo.alerts().stream()
                .filter(alert -> "container".equals(alert.kind()) && LEAKING_SITE.equals(alert.site()))
                .filter(alert -> "WARNING".equals(alert.severity()) || "CRITICAL".equals(alert.severity()))
                .findFirst();
    }

    /** The requests served as of the demo's latest progress line, 0 before the first. */
    private static long requestsOk(ForkedJvm demo) {
        long ok = 0;
        for (String line : demo.stdout()) {
            Matcher matcher = REQUESTS_OK.matcher(line);
            if (matcher.find()) {
                ok = Long.parseLong(matcher.group(1));
            }
        }
        return ok;
    }

    private static ForkedJvm.Builder demo(String... demoArguments) {
        ForkedJvm.Builder demo = ForkedJvm.executableJar(DEMO_JAR)
                .agent(AGENT_OPTIONS)
                .jvmOption("-Xmx256m")
                // DEMO_FEATURES would switch the leak on in the healthy run.
                .unsetEnvironment("DEMO_FEATURES");
        for (String argument : demoArguments) {
            demo.argument(argument);
        }
        return demo;
    }
}
