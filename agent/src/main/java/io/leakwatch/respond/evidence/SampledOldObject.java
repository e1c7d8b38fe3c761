package io.leakwatch.respond.evidence;

import java.util.List;

/**
 * One object the JVM's old-object sampler kept track of and found still alive when the recording ended: its
 * type, where it was allocated, and the references that keep it alive, nearest first.
 */
final class SampledOldObject {

    private final String type;
    private final List<String> stack;
    private final List<Reference> path;
    private final String root;

    /**
     * @param stack frames, innermost first, as {@code com.acme.Class.method(Class.java:line)}
     * @param path  the references from the object up towards its GC root, nearest first; empty when not searched
     * @param root  what the GC root is (a thread's stack, a class loader...), or null when not found
     */
    SampledOldObject(String type, List<String> stack, List<Reference> path, String root) {
        this.type = type;
        this.stack = List.copyOf(stack);
        this.path = List.copyOf(path);
        this.root = root;
    }

    String type() {
        return type;
    }

    List<String> stack() {
        return stack;
    }

    List<Reference> path() {
        return path;
    }

    String root() {
        return root;
    }

    /**
     * One step of the chain: {@code holder} refers to the previous object through {@code field}, or through an
     * array element, or (for {@code skipped} above zero) through that many references the JVM left out.
     */
    static final class Reference {
        private final String holder;
        private final String field;
        private final boolean staticField;
        private final long index;
        private final int skipped;

        Reference(String holder, String field, boolean staticField, long index, int skipped) {
            this.holder = holder;
            this.field = field;
            this.staticField = staticField;
            this.index = index;
            this.skipped = skipped;
        }

        /** Binary name of the referring class, or of the class whose static field it is. */
        String holder() {
            return holder;
        }

        /** The referring field's name; null for an array element. */
        String field() {
            return field;
        }

        boolean isStatic() {
            return staticField;
        }

        /** As written in evidence: {@code Holder.field}, {@code Holder.field (static)} or {@code Holder[index]}. */
        String describe() {
            String step = field != null ? holder + "." + field + (staticField ? " (static)" : "")
                    : holder + "[" + index + "]";
            return skipped > 0 ? "... " + skipped + " references ... " + step : step;
        }
    }
}
