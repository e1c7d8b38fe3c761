package io.leakwatch.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The healthy twins of {@link MetaspaceLeakIT} and {@link DirectMemoryLeakIT}, with the same limits and
 * the same heap, each in its own JVM, run side by side for four windows or more: class loaders created and released
 * at the leak's pace, whose classes the collections unload (G1 on JDK 17 unloads the first of them only at
 * its second such collection, 25 to 35 s in), alone and beside a container leak whose alert loads Flight
 * Recorder's classes for evidence in the middle of a climb; a warm-up that loads 600 loaders' classes and stops; a bounded pool of direct buffers, borrowed and given back, that grows to its bound as the load
 * rises; direct buffers churned per request and freed by the GC; a warm-up that allocates 24 MB of direct
 * buffers and keeps them. None raises a metaspace or direct alert.
 */
class HealthyNonHeapShapesIT {

    @Test
    void noMetaspaceAlertForLoadersThatAreReleasedOrAWarmUp() {
        List<ForkedJvm> jvms = new ArrayList<>();
        try {
            for (String shape : new String[] {"churn", "churn-beside-a-field-leak", "warmup"}) {
                String watched = shape.endsWith("field-leak") ? "packages=org.other.scenarios," : "";
                jvms.add(ForkedJvm.builder("org.other.scenarios.ClassLoaderShapes")
                        .agent(watched + "interval=500ms,window=10s")
                        .jvmOption("-XX:+UseG1GC")
                        .jvmOption("-Xmx96m")
                        .jvmOption("-XX:MaxMetaspaceSize=96m")
                        .argument(shape)
                        .argument("100")
                        .start());
            }
            // Past the churn's first unloading and two windows beyond it.
            assertSilent(jvms, "metaspace", 65);
            // The field's alert started an evidence recording mid-churn: Flight Recorder's classes were loaded.
            assertThat(jvms.get(1).stderr()).as("an evidence recording ran beside the churn")
                    .anyMatch(line -> line.contains("evidence for org.other.scenarios.ClassLoaderShapes#renderedNames"));
        } finally {
            jvms.forEach(ForkedJvm::close);
        }
    }

    @Test
    void noDirectAlertForABoundedPoolChurnOrAWarmUp() {
        List<ForkedJvm> jvms = new ArrayList<>();
        try {
            for (String shape : new String[] {"pool", "churn", "warmup"}) {
                jvms.add(ForkedJvm.builder("org.other.scenarios.DirectBufferShapes")
                        .agent("interval=500ms,window=10s")
                        .jvmOption("-XX:+UseG1GC")
                        .jvmOption("-Xmx96m")
                        .jvmOption("-XX:MaxDirectMemorySize=64m")
                        .argument(shape)
                        .start());
            }
            assertSilent(jvms, "direct", 42);
        } finally {
            jvms.forEach(ForkedJvm::close);
        }
    }

    private static void assertSilent(List<ForkedJvm> jvms, String kind, int seconds) {
        await("no " + kind + " alert").during(Duration.ofSeconds(seconds)).atMost(Duration.ofSeconds(seconds + 8))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> jvms.stream().allMatch(jvm -> jvm.alerts().stream().noneMatch(alert -> kind.equals(alert.kind()))));
        for (ForkedJvm jvm : jvms) {
            assertThat(jvm.isAlive()).as("the shape runs; stderr: %s", jvm.stderr()).isTrue();
            assertThat(jvm.alerts()).filteredOn(alert -> kind.equals(alert.kind())).isEmpty();
        }
    }
}
