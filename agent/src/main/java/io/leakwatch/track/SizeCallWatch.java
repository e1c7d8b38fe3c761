package io.leakwatch.track;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The size() call the sampler is in, as its start time, so that a watchdog can give up on one that does
 * not return. The watchdog swaps a stuck call's start time for {@code ABANDONED}; the sampler, when the
 * call returns, finds its own start time gone and knows it has been replaced. The stuck call's type is
 * not called again.
 */
public final class SizeCallWatch {

    private static final long IDLE = 0;
    private static final long ABANDONED = Long.MIN_VALUE;

    private final AtomicLong callStartedNanos = new AtomicLong(IDLE);
    private final Set<String> blockedTypes = ConcurrentHashMap.newKeySet();
    private final int maxBlockedTypes;
    private volatile String callType;

    public SizeCallWatch(int maxBlockedTypes) {
        this.maxBlockedTypes = maxBlockedTypes;
    }

    /** Sampler thread, before the call: returns the token to hand to {@link #exit}. */
    long enter(String typeName, long nowNanos) {
        long token = nowNanos == IDLE || nowNanos == ABANDONED ? nowNanos + 1 : nowNanos;
        callType = typeName;
        callStartedNanos.set(token);
        return token;
    }

    /** Sampler thread, after the call: false when the watchdog gave up on it meanwhile. */
    boolean exit(long token) {
        return callStartedNanos.compareAndSet(token, IDLE);
    }

    /**
     * Watchdog: gives up on a call running for longer than {@code limitNanos} and returns its type,
     * from now on not called; null when no call is stuck.
     */
    public String abandonIfStuck(long nowNanos, long limitNanos) {
        long started = callStartedNanos.get();
        if (started == IDLE || started == ABANDONED || nowNanos - started < limitNanos) {
            return null;
        }
        String type = callType;
        if (!callStartedNanos.compareAndSet(started, ABANDONED)) {
            return null;
        }
        if (blockedTypes.size() < maxBlockedTypes) {
            blockedTypes.add(type);
        }
        return type;
    }

    /** Whether a call on this type was given up on once. */
    boolean isBlocked(String typeName) {
        return !blockedTypes.isEmpty() && blockedTypes.contains(typeName);
    }
}
