package io.leakwatch.analysis;

import java.util.List;

/**
 * Where a suspect's entries come from: how many sampled old objects of one type were allocated at one stack,
 * and, when the JVM found one, the chain of references from a GC root that keeps one of them alive.
 */
public final class Evidence {

    private final long count;
    private final String type;
    private final List<String> stack;
    private final List<String> path;

    /**
     * @param stack frames, innermost first, as {@code Class.method(File.java:line)}
     * @param path  the reference chain from the GC root to the object, empty when not known
     */
    public Evidence(long count, String type, List<String> stack, List<String> path) {
        this.count = count;
        this.type = type;
        this.stack = List.copyOf(stack);
        this.path = List.copyOf(path);
    }

    public long count() {
        return count;
    }

    /** Class of the sampled objects. */
    public String type() {
        return type;
    }

    public List<String> stack() {
        return stack;
    }

    public List<String> path() {
        return path;
    }
}
