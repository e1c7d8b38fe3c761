package io.leakwatch.analysis;

import java.util.Locale;

/**
 * What grew: a tracked container, the live set of a heap pool, class metadata (a class-loader leak) or
 * direct and mapped buffer memory.
 */
public enum AlertKind {
    CONTAINER, HEAP, METASPACE, DIRECT;

    /** As written in alerts: {@code container}, {@code heap}, {@code metaspace} or {@code direct}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
