package io.leakwatch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The static-map leak on the newest JDK the project's machines have, where it exists. */
class Jdk25IT {

    private static final Path JAVA_25 = Paths.get(System.getProperty("leakwatch.java25"));

    @Test
    void reportsTheStaticMapLeakOnJava25(@TempDir Path folder) {
        Path classLoads = folder.resolve("class-load.log");
        Assumptions.assumeTrue(Files.isExecutable(JAVA_25.resolve("bin/java")), "no JDK 25 at " + JAVA_25);
        try (ForkedJvm jvm = ForkedJvm.builder("com.acme.scenarios.ContainerLeaks")
                .javaHome(JAVA_25)
                .agent("packages=com.acme.scenarios,interval=500ms,window=10s")
                .jvmOption(BridgeDefinitionLog.option(classLoads))
                .start()) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                    .until(() -> jvm.alerts().stream()
                            .anyMatch(alert -> "com.acme.scenarios.ContainerLeaks$PriceCache#PRICES".equals(alert.site())));
            assertThat(jvm.stderr()).noneMatch(line -> line.startsWith("WARNING"));
            // Through the direct call (BootLoaderDefiner), not the fallback: the call compiled against Java 17's
            // jdk.internal.misc.Unsafe links on Java 25.
            await().atMost(Duration.ofSeconds(10)).until(() -> BridgeDefinitionLog.definedDirectly(classLoads));
        }
    }
}
