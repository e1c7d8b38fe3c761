package io.leakwatch.analysis;

import java.util.Optional;

/**
 * The lifecycle of one container site or heap pool: quiet, WARNING or CRITICAL. It changes, and an
 * alert is written, only on a transition. Raising needs growth in every quarter of a window; resolving
 * needs every judgement for a whole further window to find no net growth, so a state does not flap.
 * CRITICAL needs more than one window of evidence: growth first judged persistent at least a window ago,
 * still growing at every judgement since and persistent now. One window of growth may be a start-up ramp
 * or a cache warming up; exhaustion is only claimed for growth that has outlasted it.
 */
final class AlertState {

    private static final long NOT_STOPPED = Long.MIN_VALUE;
    private static final long NOT_GROWING = Long.MIN_VALUE;

    private final long windowMillis;
    private Severity active;
    private long stoppedSince = NOT_STOPPED;
    /** When the current run of growth was first judged persistent. */
    private long growingSince = NOT_GROWING;

    AlertState(long windowMillis) {
        this.windowMillis = windowMillis;
    }

    /**
     * The severity to write now, if the state changes.
     *
     * @param exhaustionNear the projection alone would call this CRITICAL; it does only once growth has
     *                       persisted for more than a window
     */
    Optional<Severity> next(long nowMillis, Trend trend, boolean exhaustionNear) {
        if (!trend.known()) {
            growingSince = NOT_GROWING;
            return Optional.empty();
        }
        if (!trend.netGrowth()) {
            growingSince = NOT_GROWING;
        } else if (trend.persistentGrowth() && growingSince == NOT_GROWING) {
            growingSince = nowMillis;
        }
        boolean critical = exhaustionNear && trend.persistentGrowth() && growingSince != NOT_GROWING
                && nowMillis - growingSince >= windowMillis;
        if (active == null) {
            if (trend.persistentGrowth()) {
                active = critical ? Severity.CRITICAL : Severity.WARNING;
                return Optional.of(active);
            }
            return Optional.empty();
        }
        if (trend.netGrowth()) {
            stoppedSince = NOT_STOPPED;
        } else {
            if (stoppedSince == NOT_STOPPED) {
                stoppedSince = nowMillis;
            }
            if (nowMillis - stoppedSince >= windowMillis) {
                active = null;
                stoppedSince = NOT_STOPPED;
                return Optional.of(Severity.RESOLVED);
            }
            return Optional.empty();
        }
        if (active == Severity.WARNING && critical) {
            active = Severity.CRITICAL;
            return Optional.of(active);
        }
        return Optional.empty();
    }

    /** WARNING or CRITICAL while an alert holds, else null. */
    Severity active() {
        return active;
    }

    boolean isCritical() {
        return active == Severity.CRITICAL;
    }
}
