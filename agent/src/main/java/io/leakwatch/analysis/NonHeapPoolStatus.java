package io.leakwatch.analysis;

import java.util.OptionalDouble;
import java.util.OptionalLong;

/** Where one pool outside the heap stands after the latest sampler pass, for the exported metrics. */
public final class NonHeapPoolStatus {

    private final AlertKind kind;
    private final String pool;
    private final long used;
    private final OptionalLong limit;
    private final OptionalDouble secondsToExhaustion;
    private final Severity activeAlert;

    NonHeapPoolStatus(AlertKind kind, String pool, long used, OptionalLong limit, OptionalDouble secondsToExhaustion,
            Severity activeAlert) {
        this.kind = kind;
        this.pool = pool;
        this.used = used;
        this.limit = limit;
        this.secondsToExhaustion = secondsToExhaustion;
        this.activeAlert = activeAlert;
    }

    /** {@link AlertKind#METASPACE} or {@link AlertKind#DIRECT}. */
    public AlertKind kind() {
        return kind;
    }

    /** As the JVM names it, e.g. {@code Metaspace} or {@code direct}. */
    public String pool() {
        return pool;
    }

    /** Bytes in use at the latest pass. */
    public long used() {
        return used;
    }

    /** Empty when the JVM enforces no limit on the pool. */
    public OptionalLong limit() {
        return limit;
    }

    /** Present only while the pool rises towards a limit. */
    public OptionalDouble secondsToExhaustion() {
        return secondsToExhaustion;
    }

    /** WARNING or CRITICAL while an alert holds, else null. */
    Severity activeAlert() {
        return activeAlert;
    }
}
