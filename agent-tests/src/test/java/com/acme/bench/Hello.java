package com.acme.bench;

import java.util.ArrayList;
import java.util.List;

/** The smallest application: one container field written, one line printed; its start-up is what is measured. */
public final class Hello {

    static List<String> greetings;

    public static void main(String[] args) {
        greetings = new ArrayList<>();
        greetings.add("hello");
        System.out.println(greetings.get(0));
        // After the measured line: proof of what the agent in this JVM did, for the benchmark to check.
        System.out.println("agent: " + AgentEvidence.describe());
    }
}
