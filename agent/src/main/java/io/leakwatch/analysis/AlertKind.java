package io.leakwatch.analysis;

import java.util.Locale;

/** What grew: a tracked container, or the live set of a heap pool. */
public enum AlertKind {
    CONTAINER, HEAP;

    /** As written in alerts: {@code container} or {@code heap}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
