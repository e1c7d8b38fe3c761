package io.leakwatch.it;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The leak detector must not become a leak: watched classes' loaders stay collectable. */
class ClassLoaderRetentionIT {

    @Test
    void discardedClassLoadersAreCollected() throws InterruptedException {
        try (ForkedJvm jvm = ForkedJvm.builder("com.acme.scenarios.ClassLoaderChurn")
                .agent("packages=com.acme.scenarios,interval=250ms,window=1s")
                .start()) {
            assertThat(jvm.waitForExit(120)).isZero();
            assertThat(jvm.stdout()).contains("loaders still alive: 0");
        }
    }
}
