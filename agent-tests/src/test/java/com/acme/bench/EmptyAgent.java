package com.acme.bench;

import java.lang.instrument.Instrumentation;

/**
 * A Java agent that does nothing: what any {@code -javaagent} costs a JVM's start-up (the JVM loads
 * {@code java.instrument}, and looks the agent's class up through the whole class path) before an agent's own
 * work begins. The start-up benchmark measures leakwatch against it as well as against no agent.
 */
public final class EmptyAgent {

    /** Set by {@link #premain}: the proof, read after measuring, that the control arm really ran an agent. */
    public static final String RAN_PROPERTY = "bench.emptyAgent.ran";
    /** What {@code AgentEvidence} adds to its line when the property is set. */
    public static final String RAN_EVIDENCE = "; the agent that does nothing ran";

    private EmptyAgent() {
    }

    public static void premain(String argument, Instrumentation instrumentation) {
        // Nothing but the proof that it ran: the point.
        System.setProperty(RAN_PROPERTY, "true");
    }
}
