package io.leakwatch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A leak's first alert is repeated once with {@code evidence}: the allocation stack of the objects the leaking field
 * keeps alive, from a Flight Recorder recording, naming the line that adds to it and the request path above it.
 * Without Flight Recorder the alerts still come, and one line says why they carry no evidence.
 */
class EvidenceIT {

    private static final String SCENARIO = "com.acme.scenarios.EvidenceLeak";
    private static final String LEDGER = SCENARIO + "$Ledger#entries";
    private static final String AGENT = "packages=com.acme.scenarios,interval=250ms,window=6s";

    @Test
    void theRepeatedWarningNamesTheLineThatAddsToTheLeak() throws Exception {
        int addingLine = lineOf("// the line that adds to the ledger");
        try (ForkedJvm jvm = ForkedJvm.builder(SCENARIO).jvmOption("-Xmx256m").agent(AGENT).start()) {
            // Up to three recordings of 15 s: the first, then allocations alone until a Payment's making is sampled.
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .until(() -> ledgerAlerts(jvm).stream().anyMatch(alert -> alert.has("evidence")));

            // The first alert is a WARNING, or a CRITICAL when the heap was already CRITICAL by the time the
            // ledger's growth was confirmed (a loaded machine samples late): either way it is repeated once.
            String firstSeverity = ledgerAlerts(jvm).get(0).severity();
            assertThat(firstSeverity).isIn("WARNING", "CRITICAL");
            List<AlertRecord> alerts = ledgerAlerts(jvm).stream().filter(alert -> firstSeverity.equals(alert.severity()))
                    .collect(Collectors.toList());
            assertThat(alerts).as("the first alert, then its one repeat").hasSize(2);
            assertThat(alerts.get(0).has("evidence")).isFalse();
            assertThat(alerts.get(1).time()).isEqualTo(alerts.get(0).time());

            JsonNode evidence = alerts.get(1).json().get("evidence");
            assertThat(evidence.size()).isBetween(1, 5);
            long previousCount = Long.MAX_VALUE;
            for (JsonNode item : evidence) {
                assertThat(item.get("count").asLong()).isPositive().isLessThanOrEqualTo(previousCount);
                previousCount = item.get("count").asLong();
                String stack = strings(item.get("stack"));
                assertThat(stack).as("every piece was allocated handling a request, none for the bounded cache")
                        .contains(SCENARIO + "$RequestHandler.handle(EvidenceLeak.java:")
                        .doesNotContain("QuoteCache");
            }
            // Pieces rank by how many sampled objects they stand for, and the ledger's String keys (made where the
            // request builds its id) sometimes outnumber its Payment entries: the adding line is a piece, not always
            // the first.
            String addingStack = SCENARIO + "$Ledger.record(EvidenceLeak.java:" + addingLine + ")\n"
                    + SCENARIO + "$RequestHandler.handle(EvidenceLeak.java:";
            JsonNode adding = null;
            for (JsonNode item : evidence) {
                if (adding == null && strings(item.get("stack")).contains(addingStack)) {
                    adding = item;
                }
            }
            assertThat(adding).as("a piece made by the line that adds to the ledger, in " + evidence).isNotNull();
            assertThat(strings(adding.get("path"))).contains(SCENARIO + "$Ledger.entries");
            assertThat(jvm.stderr()).anyMatch(line -> line.startsWith("[leakwatch] evidence for " + LEDGER
                    + " from a ") && line.contains(" s Flight Recorder recording (stopping it, with the search for GC roots, took "));
            assertThat(jvm.stderr()).anyMatch(line -> line.startsWith("[leakwatch] " + firstSeverity + " container " + LEDGER)
                    && line.contains("; entries (" + evidence.get(0).get("type").asText() + ", "));

            // The pipeline gate reads the same file, evidence objects and all, and fails naming the leak.
            AgentCommand check = AgentCommand.run("check", jvm.eventsFile().toString(), "--fail-on", "WARNING");
            assertThat(check.exit).as(check.toString()).isEqualTo(1);
            // check names each leak once, at the worst severity it reached: by now it may have become CRITICAL.
            assertThat(check.stdout).containsAnyOf("CRITICAL container " + LEDGER,
                    firstSeverity + " container " + LEDGER);
            assertThat(check.stderr).as(check.toString()).isEmpty();
        }
    }

    @Test
    void withoutFlightRecorderAlertsComeWithoutEvidence() {
        try (ForkedJvm jvm = ForkedJvm.builder(SCENARIO).jvmOption("-Xmx256m").jvmOption("-XX:-FlightRecorder")
                .agent(AGENT).start()) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> !ledgerAlerts(jvm).isEmpty());
            assertThat(jvm.stderr()).filteredOn(line -> line.contains("no evidence of which code fills a leak"))
                    .containsExactly("[leakwatch] alerts will carry no evidence of which code fills a leak:"
                            + " Flight Recorder is disabled in this JVM");
            assertThat(ledgerAlerts(jvm)).noneMatch(alert -> alert.has("evidence"));
        }
    }

    private static List<AlertRecord> ledgerAlerts(ForkedJvm jvm) {
        return jvm.alerts().stream().filter(alert -> LEDGER.equals(alert.site())).collect(Collectors.toList());
    }

    private static String strings(JsonNode array) {
        List<String> items = new ArrayList<>();
        array.forEach(item -> items.add(item.asText()));
        return String.join("\n", items);
    }

    /** The scenario's line holding {@code marker}, read from its source so that editing it cannot break the test. */
    private static int lineOf(String marker) throws IOException {
        List<String> source = Files.readAllLines(Path.of("src/test/java/com/acme/scenarios/EvidenceLeak.java"));
        for (int i = 0; i < source.size(); i++) {
            if (source.get(i).contains(marker)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line with " + marker);
    }
}
