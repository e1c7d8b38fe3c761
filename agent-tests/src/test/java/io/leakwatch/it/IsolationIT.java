package io.leakwatch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.leakwatch.it.otlp.OtlpArrivals;
import io.leakwatch.it.otlp.OtlpReceiver;

/**
 * The application gains nothing from the agent: no JDK internals, no view of the agent's classes, and no way
 * to take the bridge over. With the agent off or misconfigured, the JVM is as if it were absent.
 */
class IsolationIT {

    private static final String PROBE = "org.other.scenarios.InternalsProbe";

    @Test
    void withoutTheAgentTheProbeIsRefusedEverything() throws InterruptedException {
        try (ForkedJvm jvm = ForkedJvm.builder(PROBE).withoutAgent().start()) {
            assertThat(jvm.waitForExit(60)).isZero();
            assertThat(jvm.stdout()).contains("jdk.internal.misc.Unsafe: refused", "java.util internals: refused",
                    "java.util.concurrent internals: refused", "done");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"packages=org.other.scenarios", "enabled=false", "window=1sec", ""})
    void applicationCodeGetsNeitherJdkInternalsNorTheAgentsClasses(String argument) throws InterruptedException {
        try (ForkedJvm jvm = ForkedJvm.builder(PROBE).agent(argument).start()) {
            assertThat(jvm.waitForExit(60)).isZero();
            assertThat(jvm.stdout()).as("stderr: %s", jvm.stderr()).containsExactly(
                    "jdk.internal.misc.Unsafe: refused",
                    "java.util internals: refused",
                    "java.util.concurrent internals: refused",
                    "io.leakwatch.agent.AgentStarter: hidden",
                    "io.leakwatch.shaded.io.opentelemetry.sdk.OpenTelemetrySdk: hidden",
                    "io.leakwatch.track.ContainerRegistry: hidden",
                    "done");
        }
    }

    @Test
    void theAgentListensOnNoSocket() throws Exception {
        try (OtlpReceiver receiver = OtlpReceiver.start();
                ForkedJvm jvm = OtlpLeakScenario.exportingTo(receiver.endpoint()).start()) {
            // Exporting and alerting: every part of the agent that could open a socket has run.
            OtlpArrivals.awaitAlertRecord(receiver, OtlpLeakScenario.STATIC_MAP, "WARNING");
            assertThat(ListeningSockets.of(ProcessHandle.current().pid()))
                    .as("the probe finds the test receiver's own listening socket").isNotEmpty();
            assertThat(ListeningSockets.of(jvm.process().pid())).isEmpty();
        }
    }

    @Test
    void aCopyOfLeakwatchOnTheClassPathDoesNotTakeOver() {
        // The module's shaded jar: every agent class where a class path finds it, the launcher included.
        String copyOnClassPath = ForkedJvm.AGENT_JAR.resolveSibling("leakwatch-agent-shaded.jar").toString();
        try (ForkedJvm jvm = ForkedJvm.builder("com.acme.scenarios.BridgeTakeover")
                .classpath(copyOnClassPath)
                .agent("packages=com.acme.scenarios,interval=250ms,window=2s")
                .start()) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> jvm.alerts().stream()
                            .anyMatch(alert -> "com.acme.scenarios.BridgeTakeover#leak".equals(alert.site())));
            assertThat(jvm.stderr()).noneMatch(line -> line.contains("could not start"));
        }
    }

    @Test
    void noOneButTheAgentInstallsTheBridgeHandler() {
        try (ForkedJvm jvm = ForkedJvm.builder("com.acme.scenarios.BridgeTakeover")
                .agent("packages=com.acme.scenarios,interval=250ms,window=2s")
                .start()) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> jvm.alerts().stream()
                            .anyMatch(alert -> "com.acme.scenarios.BridgeTakeover#leak".equals(alert.site())));
            assertThat(jvm.stdout()).contains("takeover refused", "countdowns refused", "pauses refused",
                            "last held refused")
                    .doesNotContain("takeover accepted", "countdowns handed over", "pauses handed over",
                            "last held handed over")
                    .filteredOn(line -> line.startsWith("plugin received"))
                    .isNotEmpty()
                    .allMatch(line -> line.equals("plugin received 0"));
        }
    }

    @Test
    void theBridgeIsDefinedInTheBootLoaderWithoutTurningSharingOff(@TempDir Path folder) {
        Path classLoads = folder.resolve("class-load.log");
        try (ForkedJvm jvm = ForkedJvm.builder("com.acme.scenarios.BridgeTakeover")
                .agent("packages=com.acme.scenarios,interval=250ms,window=2s")
                .jvmOption(BridgeDefinitionLog.option(classLoads))
                .start()) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> jvm.alerts().stream()
                            .anyMatch(alert -> "com.acme.scenarios.BridgeTakeover#leak".equals(alert.site())));
            await().atMost(Duration.ofSeconds(10)).until(() -> BridgeDefinitionLog.definedDirectly(classLoads));
            assertThat(jvm.stderr())
                    .noneMatch(line -> line.contains("Sharing is only supported for boot loader classes"));
        }
    }
}
