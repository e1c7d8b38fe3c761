package com.acme.bench;

import java.lang.instrument.Instrumentation;

/**
 * A Java agent that does nothing: what any {@code -javaagent} costs a JVM's start-up (the JVM loads
 * {@code java.instrument}, and looks the agent's class up through the whole class path) before an agent's own
 * work begins. The start-up benchmark measures leakwatch against it as well as against no agent.
 */
public final class EmptyAgent {

    private EmptyAgent() {
    }

    public static void premain(String argument, Instrumentation instrumentation) {
        // Nothing: the point.
    }
}
