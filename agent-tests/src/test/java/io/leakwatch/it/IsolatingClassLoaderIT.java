package io.leakwatch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.leakwatch.it.otlp.OtlpReceiver;

/**
 * A loader that delegates only {@code java.*} to the boot loader (JBoss Modules', OSGi's default) cannot
 * see the bridge: its classes must load unchanged, and the application must run on, while a loader that
 * also delegates {@code io.leakwatch.bootstrap} (the documented fix) is watched like any other. Classes
 * defined without a name load unchanged too. Both kinds of skipped class are counted in the metrics.
 */
class IsolatingClassLoaderIT {

    private static final String APP_CACHE = "com.acme.scenarios.IsolatedModules$AppCache#ENTRIES";
    private static final String STRICT_PLUGIN = "com.acme.scenarios.IsolatedModules$StrictPlugin#ENTRIES";
    private static final String BOOT_DELEGATING_PLUGIN =
            "com.acme.scenarios.IsolatedModules$BootDelegatingPlugin#ENTRIES";

    @Test
    void classesOfALoaderThatCannotSeeTheBridgeLoadUnchangedAndTheOthersAreWatched() {
        try (OtlpReceiver receiver = OtlpReceiver.start();
                ForkedJvm jvm = ForkedJvm.builder("com.acme.scenarios.IsolatedModules")
                        .agent("packages=com.acme.scenarios,interval=250ms,window=3s,exporter=otlp")
                        .environment("OTEL_EXPORTER_OTLP_ENDPOINT", receiver.endpoint())
                        .environment("OTEL_METRIC_EXPORT_INTERVAL", "500")
                        .start()) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> warnedSites(jvm).containsAll(Set.of(APP_CACHE, BOOT_DELEGATING_PLUGIN)));

            assertThat(jvm.isAlive()).as("stderr: %s", jvm.stderr()).isTrue();
            assertThat(jvm.stdout()).contains("plugins loaded by strict-module and boot-delegating-module")
                    .anySatisfy(line -> assertThat(line).startsWith("round 20: strict plugin holds 420,")
                            .endsWith("unnamed plugin holds 420"));
            assertThat(jvm.stderr()).noneMatch(line -> line.contains("NoClassDefFoundError"));
            assertThat(warnedSites(jvm)).doesNotContain(STRICT_PLUGIN);
            assertThat(jvm.stderr()).filteredOn(line -> line.contains("cannot see io.leakwatch.bootstrap"))
                    .singleElement().asString()
                    .startsWith("[leakwatch] ")
                    .contains("com.acme.scenarios.IsolatedModules$ModuleLoader")
                    .contains("strict-module")
                    .contains("jboss.modules.system.pkgs")
                    .contains("org.osgi.framework.bootdelegation");
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                    .until(() -> skippedClasses(receiver, "bridge_not_visible") >= 1
                            && skippedClasses(receiver, "unnamed") >= 1);
        }
    }

    private static double skippedClasses(OtlpReceiver receiver, String reason) {
        return receiver.metrics().stream()
                .filter(metric -> metric.name().equals("leakwatch.classes.skipped")
                        && reason.equals(metric.attributes().get("reason")))
                .mapToDouble(metric -> metric.value()).max().orElse(0);
    }

    private static Set<String> warnedSites(ForkedJvm jvm) {
        return jvm.alerts().stream()
                .filter(alert -> "container".equals(alert.kind()) && "WARNING".equals(alert.severity()))
                .map(AlertRecord::site)
                .collect(Collectors.toSet());
    }
}
