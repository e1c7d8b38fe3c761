package com.acme.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@link Hello}, but its list comes through a method reference, as nearly every application uses one before its
 * first line (a framework, a logger, a stream). The JDK sets up its lambda machinery at that first use, so here the
 * application pays for that set-up itself, with or without an agent; in {@link Hello} whatever uses a lambda first
 * pays, and with leakwatch that is the JDK's own code that opens a package to the agent.
 */
public final class HelloWithLambda {

    static List<String> greetings;

    public static void main(String[] args) {
        Supplier<List<String>> newList = ArrayList::new;
        greetings = newList.get();
        greetings.add("hello");
        System.out.println(greetings.get(0));
        // After the measured line: proof of what the agent in this JVM did, for the benchmark to check.
        System.out.println("agent: " + AgentEvidence.describe());
    }
}
