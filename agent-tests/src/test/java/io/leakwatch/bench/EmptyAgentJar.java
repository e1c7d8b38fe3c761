package io.leakwatch.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.jar.Attributes;

import com.acme.bench.EmptyAgent;

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
}
