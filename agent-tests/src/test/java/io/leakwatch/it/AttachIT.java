package io.leakwatch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/** {@code java -jar leakwatch-agent.jar list | attach}: loading the agent into a JVM that is already running. */
class AttachIT {

    @Test
    void attachesToARunningJvmAndWatchesItsHeap() throws IOException, InterruptedException {
        try (ForkedJvm leaky = ForkedJvm.builder("org.other.scenarios.UninstrumentedHeapLeak")
                .withoutAgent()
                .jvmOption("-Xmx128m")
                .argument("15")
                .start()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> leaky.stdout().contains("started"));
            String pid = Long.toString(leaky.process().pid());

            assertThat(AgentCommand.expect(0, "list")).contains(pid + " org.other.scenarios.UninstrumentedHeapLeak");
            Path events = Files.createTempDirectory(ForkedJvm.WORK_DIR, "attach").resolve("events.jsonl");
            // A typo is reported by the target, and does not lock the corrected attach out.
            assertThat(AgentCommand.expect(1, "attach", pid, "interval=500ms", "window=10sec", "exporter=none"))
                    .contains("leakwatch: did not start in " + pid + ": invalid value '10sec' for agent argument window");
            assertThat(AgentCommand.expect(0, "attach", pid, "interval=500ms", "window=10s", "exporter=none",
                    "events.file=" + events)).contains("leakwatch loaded into " + pid);
            assertThat(AgentCommand.expect(1, "attach", pid, "interval=1s"))
                    .contains("leakwatch: did not start in " + pid + ": already running in this JVM");

            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .until(() -> AlertRecord.readAll(events).stream().anyMatch(alert -> "heap".equals(alert.kind()))
                            || !leaky.isAlive());
            assertThat(AlertRecord.readAll(events)).as("stderr: %s", leaky.stderr())
                    .anyMatch(alert -> "heap".equals(alert.kind()));
        }
    }
}
