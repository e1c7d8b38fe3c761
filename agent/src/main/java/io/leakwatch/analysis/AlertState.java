package io.leakwatch.analysis;

import java.util.Optional;

/**
 * The lifecycle of one container site or heap pool: quiet, WARNING or CRITICAL. It changes, and an
 * alert is written, only on a transition; resolving needs a whole window without net growth, while
 * raising needs growth in every quarter of one, so it does not flap.
 */
final class AlertState {

    private Severity active;

    /** The severity to write now, if the state changes. */
    Optional<Severity> next(Trend trend, boolean critical) {
        if (!trend.known()) {
            return Optional.empty();
        }
        if (active == null) {
            if (trend.persistentGrowth()) {
                active = critical ? Severity.CRITICAL : Severity.WARNING;
                return Optional.of(active);
            }
            return Optional.empty();
        }
        if (!trend.netGrowth()) {
            active = null;
            return Optional.of(Severity.RESOLVED);
        }
        if (active == Severity.WARNING && critical) {
            active = Severity.CRITICAL;
            return Optional.of(active);
        }
        return Optional.empty();
    }

    boolean isCritical() {
        return active == Severity.CRITICAL;
    }
}
