package io.leakwatch.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Application containers whose size() throws or blocks forever: the agent must not call them, and
 * the application's output must be exactly what it is without the agent.
 */
class MisbehavingContainersIT {

    @Test
    void theApplicationsOutputIsUnchanged() throws InterruptedException {
        List<String> withoutAgent = run(ForkedJvm.builder("com.acme.scenarios.MisbehavingContainers").withoutAgent());
        List<String> withAgent = run(ForkedJvm.builder("com.acme.scenarios.MisbehavingContainers")
                .agent("packages=com.acme.scenarios,interval=250ms,window=1s"));

        assertThat(withoutAgent).hasSize(61).last().isEqualTo("done");
        assertThat(withAgent).isEqualTo(withoutAgent);
    }

    private static List<String> run(ForkedJvm.Builder builder) throws InterruptedException {
        try (ForkedJvm jvm = builder.argument("60").start()) {
            assertThat(jvm.waitForExit(120)).isZero();
            assertThat(jvm.stderr()).noneMatch(line -> line.contains("Exception"));
            return List.copyOf(jvm.stdout());
        }
    }
}
