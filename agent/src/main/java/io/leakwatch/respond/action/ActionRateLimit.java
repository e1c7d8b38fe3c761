package io.leakwatch.respond.action;

import java.util.LinkedHashMap;
import java.util.Map;

import io.leakwatch.analysis.Alert;

/**
 * At most one action per site or pool and severity in any {@code minIntervalMillis}: a leak that flaps between
 * WARNING and RESOLVED does not restart a service at every turn. Memory is bounded: beyond
 * {@code maxSubjects}, the subjects acted on longest ago are forgotten. Used from the sampler thread only.
 */
final class ActionRateLimit {

    private final long minIntervalMillis;
    private final Map<String, Long> lastActionMillis;

    ActionRateLimit(long minIntervalMillis, int maxSubjects) {
        this.minIntervalMillis = minIntervalMillis;
        this.lastActionMillis = new LinkedHashMap<String, Long>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > maxSubjects;
            }
        };
    }

    /**
     * Whether an action may run for this alert at {@code nowMillis} (a monotonic clock); if so, it counts as
     * run from now.
     */
    boolean admit(Alert alert, long nowMillis) {
        String subject = subjectOf(alert);
        Long last = lastActionMillis.get(subject);
        if (last != null && nowMillis - last < minIntervalMillis) {
            return false;
        }
        // Re-inserted, so that the order of the map is the order of the actions, oldest first.
        lastActionMillis.remove(subject);
        lastActionMillis.put(subject, nowMillis);
        return true;
    }

    /** Takes back {@link #admit}: the action was not run after all (dropped from a full queue). */
    void release(Alert alert) {
        lastActionMillis.remove(subjectOf(alert));
    }

    private static String subjectOf(Alert alert) {
        return alert.kind().label() + '|' + alert.subject() + '|' + alert.severity();
    }
}
