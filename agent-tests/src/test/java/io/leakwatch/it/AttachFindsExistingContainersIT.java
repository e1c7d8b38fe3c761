package io.leakwatch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * {@code attach} to a JVM whose containers were filled before the agent came and are never assigned
 * again: they are found by reading the static fields of initialised watched classes and the fields of
 * what those hold, without initialising a class or running application code.
 */
class AttachFindsExistingContainersIT {

    private static final String SCENARIO = "com.acme.scenarios.ContainersBeforeAttach";

    @Test
    void findsStaticAndSingletonContainersThatExistedBeforeAttach() throws IOException, InterruptedException {
        try (ForkedJvm target = ForkedJvm.builder(SCENARIO).withoutAgent().start()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> target.stdout().contains("started"));
            String pid = Long.toString(target.process().pid());
            Path events = Files.createTempDirectory(ForkedJvm.WORK_DIR, "attach-existing").resolve("events.jsonl");

            assertThat(AgentCommand.expect(0, "attach", pid, "packages=com.acme.scenarios", "interval=500ms", "window=10s", "exporter=none",
                    "events.file=" + events)).contains("leakwatch loaded into " + pid);

            String rates = SCENARIO + "$ExchangeRates#RATES";
            String trail = SCENARIO + "$Holder#entries";
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> grown(events, rates) && grown(events, trail));
            assertThat(target.stderr()).anyMatch(line -> line.contains("attach: found"));
            assertThat(AlertRecord.readAll(events)).as("the bounded routing table is not growth")
                    .noneMatch(alert -> (SCENARIO + "$RoutingTable#ROUTES").equals(alert.site()));
            assertThat(target.stdout()).as("the agent initialised no class")
                    .noneMatch(line -> line.contains("NeverInitialised was initialised"));
            assertThat(target.isAlive()).isTrue();
        }
    }

    private static boolean grown(Path events, String site) throws IOException {
        return AlertRecord.readAll(events).stream()
                .anyMatch(alert -> "container".equals(alert.kind()) && site.equals(alert.site()));
    }
}
