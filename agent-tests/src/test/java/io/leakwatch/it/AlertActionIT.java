package io.leakwatch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/**
 * {@code action.onWarning} in three forked JVMs run side by side, to keep the test short: a command that records
 * what it was given and then hangs, a webhook that answers 503, and a dry run. In each, a second site churns
 * within a bound (until, in the first, the first action signals it to leak): no action is taken for it.
 * The hanging command's test goes first: it watches the action thread while the first command still hangs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AlertActionIT {

    private static final String SCENARIO = "com.acme.scenarios.LeakAfterSignal";
    private static final String FIRST_LEAK = SCENARIO + "$SessionRegistry#sessions";
    private static final String SECOND_LEAK = SCENARIO + "$RetryQueue#pending";
    private static final String FAST_WINDOW = "packages=com.acme.scenarios,interval=250ms,window=5s";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path folder;
    private static Path commandOutput;
    private static Path signal;
    private static Path dryRunMarker;
    private static Path dryRunScript;
    private static Path recordingScript;
    private static HttpServer webhook;
    private static final List<Post> posts = new CopyOnWriteArrayList<>();
    private static ForkedJvm commandJvm;
    private static ForkedJvm webhookJvm;
    private static ForkedJvm dryRunJvm;

    /** One POST the webhook received. */
    private record Post(String idempotencyKey, String contentType, String body) {
    }

    @BeforeAll
    static void startThreeJvms() throws IOException {
        Files.createDirectories(ForkedJvm.WORK_DIR);
        folder = Files.createTempDirectory(ForkedJvm.WORK_DIR, "actions");
        commandOutput = Files.createDirectory(folder.resolve("command-output"));
        signal = folder.resolve("first-action-started");
        // Records stdin and the environment under the alert's key, then hangs (as sleep) far past the timeout.
        recordingScript = script("record-then-hang.sh",
                "out='" + commandOutput + "'",
                "cat > \"$out/$LEAKWATCH_IDEMPOTENCY_KEY.json\"",
                "env > \"$out/$LEAKWATCH_IDEMPOTENCY_KEY.env\"",
                // The signal before the pid file, which the test waits for: then it finds the signal there.
                "touch '" + signal + "'",
                "echo $$ > \"$out/$LEAKWATCH_IDEMPOTENCY_KEY.pid.tmp\"",
                "mv \"$out/$LEAKWATCH_IDEMPOTENCY_KEY.pid.tmp\" \"$out/$LEAKWATCH_IDEMPOTENCY_KEY.pid\"",
                "exec sleep 120");
        dryRunMarker = folder.resolve("dry-run-ran");
        dryRunScript = script("must-not-run.sh", "touch '" + dryRunMarker + "'");
        Path alreadySignalled = Files.createFile(folder.resolve("both-leak-from-the-start"));

        webhook = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhook.createContext("/hook", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                posts.add(new Post(exchange.getRequestHeaders().getFirst("Idempotency-Key"),
                        exchange.getRequestHeaders().getFirst("Content-Type"),
                        new String(body.readAllBytes(), StandardCharsets.UTF_8)));
            }
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        webhook.start();

        commandJvm = ForkedJvm.builder(SCENARIO)
                .agent(FAST_WINDOW + ",action.onWarning=exec:" + recordingScript)
                .argument(signal.toString()).start();
        webhookJvm = ForkedJvm.builder(SCENARIO)
                .agent(FAST_WINDOW + ",action.onWarning=http://127.0.0.1:" + webhook.getAddress().getPort()
                        + "/hook?token=s3cret")
                .argument(alreadySignalled.toString()).start();
        dryRunJvm = ForkedJvm.builder(SCENARIO)
                .agent(FAST_WINDOW + ",action.onWarning=exec:" + dryRunScript + ",action.dryRun=true")
                .argument(folder.resolve("never").toString()).start();
    }

    @AfterAll
    static void stopAll() throws IOException {
        for (ForkedJvm jvm : new ForkedJvm[] {commandJvm, webhookJvm, dryRunJvm}) {
            if (jvm != null) {
                jvm.close();
            }
        }
        if (webhook != null) {
            webhook.stop(0);
        }
        // The hanging commands outlive a JVM that is killed.
        for (Path pidFile : filesEndingIn(".pid")) {
            ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    @Order(1)
    void aHangingCommandDelaysNeitherDetectionNorAlerts() throws IOException {
        await().atMost(Duration.ofSeconds(40)).until(() -> actionKeyFor(FIRST_LEAK).isPresent());
        String firstKey = actionKeyFor(FIRST_LEAK).orElseThrow();
        long hangingPid = Long.parseLong(Files.readString(commandOutput.resolve(firstKey + ".pid")).trim());
        assertThat(filesEndingIn(".pid")).as("one action, for the leak only").hasSize(1);
        assertThat(Files.exists(signal)).as("the second leak starts only once the first action runs").isTrue();

        // The second site begins to leak only after the command started and while it hangs; its WARNING must
        // still be written, long before the command's 30 s timeout frees the action thread.
        await().atMost(Duration.ofSeconds(20)).until(() -> eventsLine(commandJvm, SECOND_LEAK, "WARNING").isPresent());
        assertThat(ProcessHandle.of(hangingPid).map(ProcessHandle::isAlive)).as("the first command still hangs")
                .contains(true);
        assertThat(filesEndingIn(".pid")).as("the second action waits its turn on the one action thread").hasSize(1);
        // Its destruction at the 30 s timeout, with the processes it started, is CommandActionTest's, on real
        // scripts: waiting for it here would cost CI half a minute.
    }

    @Test
    @Order(2)
    void theCommandGetsTheAlertOnStdinAndItsFieldsAsEnvironmentVariables() throws IOException {
        await().atMost(Duration.ofSeconds(40)).until(() -> actionKeyFor(FIRST_LEAK).isPresent());

        String key = actionKeyFor(FIRST_LEAK).orElseThrow();
        String received = Files.readString(commandOutput.resolve(key + ".json")).trim();
        String reported = eventsLine(commandJvm, FIRST_LEAK, "WARNING").orElseThrow();
        assertThat(received).isEqualTo(reported);

        JsonNode alert = JSON.readTree(reported);
        Map<String, String> environment = leakwatchVariables(commandOutput.resolve(key + ".env"));
        assertThat(environment).containsEntry("LEAKWATCH_SEVERITY", "WARNING")
                .containsEntry("LEAKWATCH_KIND", "container")
                .containsEntry("LEAKWATCH_SITE", FIRST_LEAK)
                .containsEntry("LEAKWATCH_TYPE", "java.util.ArrayList")
                .containsEntry("LEAKWATCH_TIME", alert.get("time").asText())
                .containsEntry("LEAKWATCH_SIZE", alert.get("size").asText())
                .containsEntry("LEAKWATCH_GROWTH_PER_MIN", alert.get("growthPerMin").asText())
                .containsEntry("LEAKWATCH_ESTIMATED_BYTES", alert.get("estimatedBytes").asText())
                .containsEntry("LEAKWATCH_IDEMPOTENCY_KEY", key)
                .containsEntry("LEAKWATCH_PID", Long.toString(commandJvm.process().pid()))
                .doesNotContainKeys("LEAKWATCH_POOL", "LEAKWATCH_EVIDENCE");
        assertThat(key).matches("[0-9a-f]{32}");
        assertThat(commandJvm.stderr()).noneMatch(line -> line.contains("not an executable file"));
    }

    @Test
    @Order(3)
    void aWebhookAnswering503IsTriedThreeTimesWithOneKeyThenGivenUpSaidOnce() throws IOException {
        await().atMost(Duration.ofSeconds(50)).until(() -> postsBySite().size() == 2
                && postsBySite().values().stream().allMatch(sitePosts -> sitePosts.size() >= 3));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).until(() -> giveUpLines().size() == 1);

        Map<String, List<Post>> bySite = postsBySite();
        assertThat(bySite.keySet()).containsExactlyInAnyOrder(FIRST_LEAK, SECOND_LEAK);
        for (Map.Entry<String, List<Post>> site : bySite.entrySet()) {
            List<Post> attempts = site.getValue();
            assertThat(attempts).as(site.getKey()).hasSize(3);
            assertThat(attempts).extracting(Post::idempotencyKey).containsOnly(attempts.get(0).idempotencyKey())
                    .allMatch(key -> key.matches("[0-9a-f]{32}"));
            assertThat(attempts).extracting(Post::contentType).containsOnly("application/json");
            assertThat(attempts).extracting(Post::body)
                    .containsOnly(eventsLine(webhookJvm, site.getKey(), "WARNING").orElseThrow());
        }
        assertThat(bySite.get(FIRST_LEAK).get(0).idempotencyKey())
                .isNotEqualTo(bySite.get(SECOND_LEAK).get(0).idempotencyKey());
        assertThat(giveUpLines().get(0)).startsWith("[leakwatch] action.onWarning http://127.0.0.1:")
                .contains("gave up after 3 attempts", "503");
        assertThat(webhookJvm.stderr()).noneMatch(line -> line.contains("s3cret"));
    }

    @Test
    @Order(4)
    void aDryRunLogsWhatWouldRunAndRunsNothing() {
        await().atMost(Duration.ofSeconds(40)).until(() -> dryRunLines().size() == 1);

        assertThat(dryRunLines().get(0)).matches("\\[leakwatch\\] action\\.onWarning \\(dry run\\) would run exec:"
                + java.util.regex.Pattern.quote(dryRunScript.toString()) + " for WARNING container "
                + java.util.regex.Pattern.quote(FIRST_LEAK) + ", idempotency key [0-9a-f]{32}; nothing was run");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).until(() -> !Files.exists(dryRunMarker));
        assertThat(dryRunLines()).hasSize(1);
    }

    private static Path script(String name, String... lines) throws IOException {
        Path script = folder.resolve(name);
        List<String> text = new ArrayList<>();
        text.add("#!/bin/sh");
        text.addAll(List.of(lines));
        Files.write(script, text);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private static List<Path> filesEndingIn(String suffix) throws IOException {
        if (commandOutput == null) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(commandOutput)) {
            return files.filter(file -> file.toString().endsWith(suffix)).sorted().collect(Collectors.toList());
        }
    }

    /** The idempotency key of the command run for that site, once the command has written all it records. */
    private static Optional<String> actionKeyFor(String site) throws IOException {
        for (Path pid : filesEndingIn(".pid")) {
            String key = pid.getFileName().toString().replace(".pid", "");
            if (Files.readAllLines(commandOutput.resolve(key + ".env")).contains("LEAKWATCH_SITE=" + site)) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    /** The raw line of the events file for that site and severity, as the agent wrote it. */
    private static Optional<String> eventsLine(ForkedJvm jvm, String site, String severity) throws IOException {
        if (!Files.exists(jvm.eventsFile())) {
            return Optional.empty();
        }
        return Files.readAllLines(jvm.eventsFile()).stream()
                .filter(line -> line.contains("\"site\":\"" + site + "\""))
                .filter(line -> line.contains("\"severity\":\"" + severity + "\""))
                .findFirst();
    }

    private static Map<String, String> leakwatchVariables(Path envFile) throws IOException {
        Map<String, String> variables = new HashMap<>();
        for (String line : Files.readAllLines(envFile)) {
            int equals = line.indexOf('=');
            if (line.startsWith("LEAKWATCH_") && equals > 0) {
                variables.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        return variables;
    }

    private static Map<String, List<Post>> postsBySite() {
        Map<String, List<Post>> bySite = new HashMap<>();
        for (Post post : posts) {
            try {
                bySite.computeIfAbsent(JSON.readTree(post.body()).get("site").asText(), site -> new ArrayList<>())
                        .add(post);
            } catch (IOException e) {
                throw new AssertionError("the webhook was sent something that is not JSON: " + post.body(), e);
            }
        }
        return bySite;
    }

    private static List<String> giveUpLines() {
        return webhookJvm.stderr().stream().filter(line -> line.contains("gave up")).collect(Collectors.toList());
    }

    private static List<String> dryRunLines() {
        return dryRunJvm.stderr().stream().filter(line -> line.contains("(dry run)")).collect(Collectors.toList());
    }
}
