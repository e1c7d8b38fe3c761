package io.leakwatch.respond.evidence;

import java.util.List;

/** One allocation the JVM's throttled allocation sampler saw: the class allocated, and where. */
final class AllocationSample {

    private final String type;
    private final List<String> stack;

    /** @param stack frames, innermost first, as {@code com.acme.Class.method(Class.java:line)} */
    AllocationSample(String type, List<String> stack) {
        this.type = type;
        this.stack = List.copyOf(stack);
    }

    String type() {
        return type;
    }

    List<String> stack() {
        return stack;
    }
}
