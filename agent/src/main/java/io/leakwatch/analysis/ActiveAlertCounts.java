package io.leakwatch.analysis;

import java.util.EnumMap;
import java.util.Map;

/** How many alerts of each kind hold now, by severity; counted while one snapshot is assembled. */
final class ActiveAlertCounts {

    private final Map<AlertKind, Integer> warnings = new EnumMap<>(AlertKind.class);
    private final Map<AlertKind, Integer> criticals = new EnumMap<>(AlertKind.class);

    /** @param active WARNING or CRITICAL while an alert holds; anything else counts nothing */
    void count(Severity active, AlertKind kind) {
        if (active == Severity.WARNING) {
            warnings.merge(kind, 1, Integer::sum);
        } else if (active == Severity.CRITICAL) {
            criticals.merge(kind, 1, Integer::sum);
        }
    }

    Map<AlertKind, Integer> warnings() {
        return warnings;
    }

    Map<AlertKind, Integer> criticals() {
        return criticals;
    }
}
