package io.leakwatch.analysis;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** What the analyzer knows after one pass, bounded to the sites worth exporting; immutable. */
public final class AnalysisSnapshot {

    public static final AnalysisSnapshot EMPTY = new AnalysisSnapshot(List.of(), List.of(), List.of(),
            new EnumMap<>(AlertKind.class), new EnumMap<>(AlertKind.class));

    private final List<SiteStatus> sites;
    private final List<PoolStatus> pools;
    private final List<NonHeapPoolStatus> nonHeapPools;
    private final Map<AlertKind, Integer> activeWarnings;
    private final Map<AlertKind, Integer> activeCriticals;

    AnalysisSnapshot(List<SiteStatus> sites, List<PoolStatus> pools, List<NonHeapPoolStatus> nonHeapPools,
            Map<AlertKind, Integer> activeWarnings, Map<AlertKind, Integer> activeCriticals) {
        this.sites = List.copyOf(sites);
        this.pools = List.copyOf(pools);
        this.nonHeapPools = List.copyOf(nonHeapPools);
        this.activeWarnings = Map.copyOf(activeWarnings);
        this.activeCriticals = Map.copyOf(activeCriticals);
    }

    /** Alerted sites first, then growing ones, then the largest, up to the configured cap. */
    public List<SiteStatus> sites() {
        return sites;
    }

    /** The same pass with only its first {@code maxSites} sites, those most worth exporting. */
    public AnalysisSnapshot withFirstSites(int maxSites) {
        if (sites.size() <= maxSites) {
            return this;
        }
        return new AnalysisSnapshot(sites.subList(0, maxSites), pools, nonHeapPools, activeWarnings, activeCriticals);
    }

    public List<PoolStatus> pools() {
        return pools;
    }

    /** Class metadata and buffer pools. */
    public List<NonHeapPoolStatus> nonHeapPools() {
        return nonHeapPools;
    }

    /** Alerts of this kind and severity (WARNING or CRITICAL) that hold now. */
    public int activeAlerts(Severity severity, AlertKind kind) {
        Map<AlertKind, Integer> counts = severity == Severity.CRITICAL ? activeCriticals
                : severity == Severity.WARNING ? activeWarnings : Map.of();
        return counts.getOrDefault(kind, 0);
    }
}
