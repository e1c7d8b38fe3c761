package io.leakwatch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.leakwatch.it.otlp.OtlpReceiver;

/**
 * What an operator or a hostile input hands the agent: events files with long names or broken lines for
 * {@code check}, configuration values with control characters, and OTLP settings that carry secrets.
 */
class OperatorInputIT {

    private static final String SECRET_PASSWORD = "s3cret-pw";
    private static final String SECRET_QUERY = "k3y-in-query";
    private static final String SECRET_HEADER = "h3ader-t0ken";

    // ----- check -----

    @Test
    void checkReadsAResolvedLineWithALongSite() throws Exception {
        Path events = eventsFile(alertLine("RESOLVED", "com.acme.Owner#" + "f".repeat(1500)));

        AgentCommand check = AgentCommand.run("check", events.toString());

        assertThat(check.stderr).as("stderr").isEmpty();
        assertThat(check.exit).as(check.toString()).isZero();
    }

    @Test
    void checkNamesALeakWhoseSiteIsVeryLong() throws Exception {
        String site = "com.acme.Owner#" + "g".repeat(100_000);
        Path events = eventsFile(alertLine("WARNING", site), alertLine("RESOLVED", site));

        AgentCommand check = AgentCommand.run("check", events.toString());

        assertThat(check.exit).as(check.toString()).isEqualTo(1);
        assertThat(check.stdout).startsWith("WARNING container " + site);
    }

    @Test
    void checkRefusesATruncatedLineNamingFileAndLine() throws Exception {
        String whole = alertLine("WARNING", "com.acme.A#cache");
        Path events = eventsFile(whole, whole.substring(0, whole.length() / 2), whole);

        AgentCommand check = AgentCommand.run("check", events.toString());

        assertThat(check.exit).as(check.toString()).isEqualTo(2);
        assertThat(check.stderr.lines()).singleElement().asString().contains(events.toString()).contains("line 2");
    }

    @Test
    void checkRefusesDeepNestingWithoutCrashing() throws Exception {
        String deep = "{\"severity\":\"WARNING\",\"kind\":\"heap\",\"pool\":\"G1 Old Gen\",\"x\":"
                + "[".repeat(200_000) + "]".repeat(200_000) + "}";
        Path events = eventsFile(alertLine("RESOLVED", "com.acme.A#cache"), deep);

        AgentCommand check = AgentCommand.run("check", events.toString());

        assertThat(check.exit).as(check.toString()).isEqualTo(2);
        assertThat(check.stderr.lines()).singleElement().asString().contains(events.toString()).contains("line 2");
    }

    // ----- configuration values echoed in error lines -----

    @Test
    void aNewlineInAValueCannotForgeASecondLine() throws InterruptedException {
        try (ForkedJvm jvm = ForkedJvm.builder("com.acme.scenarios.MisbehavingContainers")
                .agent("interval=soon\n[leakwatch] CRITICAL heap forged")
                .argument("3")
                .start()) {
            assertThat(jvm.waitForExit(60)).isZero();
            assertThat(jvm.stdout()).last().isEqualTo("done");
            assertThat(jvm.stderr()).singleElement().asString()
                    .startsWith("[leakwatch] invalid value 'soon\\n[leakwatch] CRITICAL heap forged' for agent argument interval")
                    .endsWith("leakwatch is disabled, the application runs normally");
        }
    }

    @Test
    void escapeSequencesAndHugeValuesAreShownEscapedAndCut() throws InterruptedException {
        String value = "red\u001b[31m" + "x".repeat(20_000);
        try (ForkedJvm jvm = ForkedJvm.builder("com.acme.scenarios.MisbehavingContainers")
                .jvmOption("-Dleakwatch.window=" + value)
                .argument("3")
                .start()) {
            assertThat(jvm.waitForExit(60)).isZero();
            assertThat(jvm.stderr()).singleElement().asString()
                    .startsWith("[leakwatch] invalid value 'red\\u001b[31mxxx")
                    .contains("(20008 chars)")
                    .doesNotContain("\u001b")
                    .hasSizeLessThan(500);
        }
    }

    @Test
    void aKeyGivenTwiceInTheAgentArgumentIsRefused() throws InterruptedException {
        try (ForkedJvm jvm = ForkedJvm.builder("com.acme.scenarios.MisbehavingContainers")
                .agent("window=1m,interval=1s,window=2m")
                .argument("3")
                .start()) {
            assertThat(jvm.waitForExit(60)).isZero();
            assertThat(jvm.stdout()).last().isEqualTo("done");
            assertThat(jvm.stderr()).singleElement().asString()
                    .startsWith("[leakwatch] key 'window' is given twice in the agent argument")
                    .endsWith("leakwatch is disabled, the application runs normally");
        }
    }

    // ----- OTLP settings that carry secrets -----

    @Test
    void credentialsInTheEndpointAndHeaderValuesAreNotPrinted() {
        int port = OtlpReceiver.freePort();
        try (ForkedJvm jvm = OtlpLeakScenario.exportingTo("http://operator:" + SECRET_PASSWORD + "@127.0.0.1:" + port)
                .environment("OTEL_EXPORTER_OTLP_HEADERS", "x-api-key=" + SECRET_HEADER)
                .start()) {
            await().atMost(Duration.ofSeconds(60))
                    .until(() -> jvm.stderr().stream().anyMatch(line -> line.contains("OTLP export to")));
            assertThat(jvm.stderr()).filteredOn(line -> line.contains("OTLP export to")).singleElement().asString()
                    .startsWith("[leakwatch] OTLP export to http://***@127.0.0.1:" + port + " failed (");
            assertThat(String.join("\n", jvm.stderr())).doesNotContain(SECRET_PASSWORD).doesNotContain(SECRET_HEADER);
        }
    }

    @Test
    void aQueryStringInTheEndpointIsNotPrinted() {
        try (ForkedJvm jvm = ForkedJvm.builder("com.acme.scenarios.MisbehavingContainers")
                .agent("exporter=otlp")
                .environment("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318/?api_key=" + SECRET_QUERY)
                .argument("600")
                .start()) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> jvm.stderr().stream().anyMatch(line -> line.contains("OTLP export is off")));
            assertThat(String.join("\n", jvm.stderr())).doesNotContain(SECRET_QUERY);
            assertThat(jvm.isAlive()).isTrue();
        }
    }

    private static String alertLine(String severity, String site) {
        return "{\"time\":\"2026-01-01T00:00:00Z\",\"severity\":\"" + severity + "\",\"kind\":\"container\",\"site\":\""
                + site + "\",\"size\":1200,\"growthPerMin\":3.5e2}";
    }

    private static Path eventsFile(String... lines) throws IOException {
        Files.createDirectories(ForkedJvm.WORK_DIR);
        Path file = Files.createTempDirectory(ForkedJvm.WORK_DIR, "check").resolve("events.jsonl");
        Files.writeString(file, String.join("\n", lines) + "\n");
        return file;
    }
}
