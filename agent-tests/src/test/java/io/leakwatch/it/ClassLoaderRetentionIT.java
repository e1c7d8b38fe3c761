package io.leakwatch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The leak detector must not become a leak: watched classes' loaders stay collectable. Proven only for loaders
 * whose container the agent did track and read: an agent that tracked nothing would keep no loader either.
 */
class ClassLoaderRetentionIT {

    private static final String PLUGIN_SITE = "com.acme.scenarios.ClassLoaderChurn$Plugin#BUFFERS";
    /** What each plugin's fill() puts into its list. */
    private static final long FILLED_SIZE = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void discardedClassLoadersAreCollectedAfterTheirContainersWereTracked() throws Exception {
        Files.createDirectories(ForkedJvm.WORK_DIR);
        Path samples = Files.createTempDirectory(ForkedJvm.WORK_DIR, "loader-retention").resolve("samples.jsonl");
        try (ForkedJvm jvm = ForkedJvm.builder("com.acme.scenarios.ClassLoaderChurn")
                .agent("packages=com.acme.scenarios,interval=250ms,window=1s,samples.file=" + samples)
                .start()) {
            assertThat(jvm.waitForExit(120)).isZero();
            assertThat(sizesSampled(samples, PLUGIN_SITE))
                    .as("the plugins' list was tracked and read while their loaders were alive; stderr: %s",
                            jvm.stderr())
                    .contains(FILLED_SIZE);
            assertThat(jvm.stdout()).contains("loaders still alive: 0");
        }
    }

    /** The sizes the agent recorded for the site, pass by pass. */
    private static List<Long> sizesSampled(Path samples, String site) throws IOException {
        List<Long> sizes = new ArrayList<>();
        if (!Files.exists(samples)) {
            return sizes;
        }
        for (String line : Files.readAllLines(samples, StandardCharsets.UTF_8)) {
            JsonNode sample = JSON.readTree(line);
            if ("container".equals(sample.path("kind").asText()) && site.equals(sample.path("site").asText())) {
                sizes.add(sample.path("size").asLong());
            }
        }
        return sizes;
    }
}
