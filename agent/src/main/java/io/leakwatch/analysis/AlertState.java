package io.leakwatch.analysis;

import java.util.Optional;

import io.leakwatch.config.LeakwatchConfig;

/**
 * The lifecycle of one container site or heap pool: quiet, WARNING or CRITICAL. It changes, and an
 * alert is written, only on a transition; resolving needs every judgement for a whole further window to
 * find no net growth, so a state does not flap.
 *
 * <p>Raising needs evidence of growth that outlasted a window: growth judged persistent (over a window, or
 * over more where the judgement spans more), judged so again at least once every half window, and
 * reaching back {@link LeakwatchConfig#WARNING_EVIDENCE_WINDOWS} windows from now. A container warming up or
 * a live set loaded at start rises for part of a window and then levels off: a window ending just after it
 * may take it for growth, the judgements that follow do not. CRITICAL needs
 * {@link LeakwatchConfig#CRITICAL_EVIDENCE_WINDOWS} windows of such evidence: a first alert is CRITICAL only
 * where the judgement itself already spans that much, and a ramp that levels off within a window never is.
 */
final class AlertState {

    private static final long NOT_STOPPED = Long.MIN_VALUE;
    private static final long NO_EVIDENCE = Long.MIN_VALUE;

    private final long windowMillis;
    private final long maxGapMillis;
    private Severity active;
    private long stoppedSince = NOT_STOPPED;
    /** Where the current run of persistent growth reaches back to, or {@code NO_EVIDENCE}. */
    private long evidenceSince = NO_EVIDENCE;
    private long lastPersistentMillis;

    AlertState(long windowMillis) {
        this.windowMillis = windowMillis;
        this.maxGapMillis = (long) (windowMillis * LeakwatchConfig.MAX_EVIDENCE_GAP_WINDOWS);
    }

    /**
     * The severity to write now, if the state changes.
     *
     * @param exhaustionNear the projection alone would call this CRITICAL; it does only once growth has
     *                       persisted for {@link LeakwatchConfig#CRITICAL_EVIDENCE_WINDOWS} windows
     */
    Optional<Severity> next(long nowMillis, Trend trend, boolean exhaustionNear) {
        if (!trend.known()) {
            evidenceSince = NO_EVIDENCE;
            return Optional.empty();
        }
        double evidenceWindows = gatherEvidence(nowMillis, trend);
        boolean warning = trend.persistentGrowth() && evidenceWindows >= LeakwatchConfig.WARNING_EVIDENCE_WINDOWS;
        boolean critical = warning && exhaustionNear && evidenceWindows >= LeakwatchConfig.CRITICAL_EVIDENCE_WINDOWS;
        if (active == null) {
            if (warning) {
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

    /**
     * Extends or starts the run of persistent growth and returns how many windows it reaches back from
     * now; a run ends when no judgement found persistent growth for longer than the allowed gap.
     */
    private double gatherEvidence(long nowMillis, Trend trend) {
        if (evidenceSince != NO_EVIDENCE && nowMillis - lastPersistentMillis > maxGapMillis) {
            evidenceSince = NO_EVIDENCE;
        }
        if (!trend.persistentGrowth()) {
            return 0;
        }
        long reachesBack = nowMillis - (long) (trend.evidenceWindows() * windowMillis);
        evidenceSince = evidenceSince == NO_EVIDENCE ? reachesBack : Math.min(evidenceSince, reachesBack);
        lastPersistentMillis = nowMillis;
        return (nowMillis - evidenceSince) / (double) windowMillis;
    }

    /** WARNING or CRITICAL while an alert holds, else null. */
    Severity active() {
        return active;
    }

    boolean isCritical() {
        return active == Severity.CRITICAL;
    }
}
