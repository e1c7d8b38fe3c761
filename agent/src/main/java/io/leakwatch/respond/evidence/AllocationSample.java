package io.leakwatch.respond.evidence;

import java.util.List;

/** Allocations the JVM's throttled allocation sampler saw of one class at one stack, and how many. */
final class AllocationSample {

    private final String type;
    private final List<String> stack;
    private final long count;

    /** @param stack frames, innermost first, as {@code com.acme.Class.method(Class.java:line)} */
    AllocationSample(String type, List<String> stack, long count) {
        this.type = type;
        this.stack = List.copyOf(stack);
        this.count = count;
    }

    long count() {
        return count;
    }

    String type() {
        return type;
    }

    List<String> stack() {
        return stack;
    }
}
