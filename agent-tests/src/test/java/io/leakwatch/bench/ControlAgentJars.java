package io.leakwatch.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.jar.Attributes;

import com.acme.bench.EmptyAgent;
import com.acme.bench.GcMetricsAgent;

/**
 * Jars of the control arms' agents, each holding its agent class as {@code Premain-Class}, made from this build's
 * class file and deleted when this JVM exits: they tell what any {@code -javaagent} costs, or any listener to the
 * collectors, from what leakwatch's own work costs.
 */
final class ControlAgentJars {

    private ControlAgentJars() {
    }

    /** {@link EmptyAgent}: an agent that does nothing. */
    static Path empty() throws IOException {
        return jarOf("empty-agent-", EmptyAgent.class);
    }

    /** {@link GcMetricsAgent}: an agent that listens to the collectors as a GC metrics library does. */
    static Path gcMetrics() throws IOException {
        return jarOf("gc-metrics-agent-", GcMetricsAgent.class);
    }

    private static Path jarOf(String prefix, Class<?> agent) throws IOException {
        Attributes attributes = new Attributes();
        attributes.putValue("Premain-Class", agent.getName());
        return ClassesJar.create(prefix, attributes, agent.getName());
    }
}
