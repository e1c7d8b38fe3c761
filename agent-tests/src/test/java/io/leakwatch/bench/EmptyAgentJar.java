package io.leakwatch.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.jar.Attributes;

import com.acme.bench.EmptyAgent;
import com.acme.bench.GcMetricsAgent;

/**
 * A jar holding {@link EmptyAgent} as its {@code Premain-Class}, made from this build's class file: the control arm
 * that tells what any {@code -javaagent} costs from what leakwatch's own work costs.
 */
final class EmptyAgentJar {

    private EmptyAgentJar() {
    }

    /** A fresh temporary jar, deleted when this JVM exits. */
    static Path create() throws IOException {
        Attributes attributes = new Attributes();
        attributes.putValue("Premain-Class", EmptyAgent.class.getName());
        return ClassesJar.create("empty-agent-", attributes, EmptyAgent.class.getName());
    }

    /**
     * A fresh temporary jar holding {@link GcMetricsAgent}, the control arm that listens to the collectors as a GC
     * metrics library does, deleted when this JVM exits.
     */
    static Path createGcMetricsAgent() throws IOException {
        Attributes attributes = new Attributes();
        attributes.putValue("Premain-Class", GcMetricsAgent.class.getName());
        return ClassesJar.create("gc-metrics-agent-", attributes, GcMetricsAgent.class.getName());
    }
}
