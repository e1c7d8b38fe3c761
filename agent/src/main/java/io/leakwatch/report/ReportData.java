package io.leakwatch.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@code report} read: the samples per site and per pool, and the alerts. Chooses the suspects worth a
 * chart: every site that had an alert, then the sites that grew most without one.
 */
public final class ReportData {

    /** Sites charted for their growth alone, besides the alerted ones. */
    static final int MAX_GROWING_SUSPECTS = 5;

    private final Map<String, SiteSamples> sites = new LinkedHashMap<>();
    private final Map<String, PoolSamples> pools = new LinkedHashMap<>();
    private final List<ReportAlert> alerts = new ArrayList<>();

    /** @param estimatedBytes null when the sample carried no estimate */
    public void addContainer(long timeMillis, String site, String type, long size, Double estimatedBytes) {
        sites.computeIfAbsent(site, SiteSamples::new).add(timeMillis, type, size, estimatedBytes);
    }

    /** @param max null when the pool has none; {@code secondsToExhaustion} null when it was not rising */
    public void addPool(long timeMillis, String kind, String pool, long used, Double max, Double secondsToExhaustion) {
        pools.computeIfAbsent(kind + "|" + pool, key -> new PoolSamples(kind, pool))
                .add(timeMillis, used, max, secondsToExhaustion);
    }

    public void addAlert(ReportAlert alert) {
        alerts.add(alert);
    }

    /** Every alert, oldest first. */
    public List<ReportAlert> alerts() {
        return alerts.stream().sorted(Comparator.comparingLong(ReportAlert::timeMillis)).collect(Collectors.toList());
    }

    /** The alerts about one site or pool, oldest first. */
    public List<ReportAlert> alertsAbout(String kind, String subject) {
        return alerts().stream().filter(alert -> alert.isAbout(kind, subject)).collect(Collectors.toList());
    }

    /**
     * The sites alerted on, in the order of their first alert (with no samples if none were kept), then up to
     * {@link #MAX_GROWING_SUSPECTS} more that grew most, net, from their first sample to their last.
     */
    public List<SiteSamples> suspects() {
        Set<String> chosen = new LinkedHashSet<>();
        for (ReportAlert alert : alerts()) {
            if (alert.kind().equals("container")) {
                chosen.add(alert.subject());
            }
        }
        sites.values().stream()
                .filter(site -> !chosen.contains(site.site()) && site.netGrowth() > 0)
                .sorted(Comparator.comparingDouble(SiteSamples::netGrowth).reversed())
                .limit(MAX_GROWING_SUSPECTS)
                .forEach(site -> chosen.add(site.site()));
        return chosen.stream().map(site -> sites.getOrDefault(site, new SiteSamples(site))).collect(Collectors.toList());
    }

    /** Heap pools first, then those outside the heap, each in the order first sampled. */
    public List<PoolSamples> pools() {
        return pools.values().stream().sorted(Comparator.comparing(pool -> !pool.kind().equals("heap")))
                .collect(Collectors.toList());
    }

    /** Samples read, of sites and pools. */
    public int sampleCount() {
        return sites.values().stream().mapToInt(site -> site.sizes().size()).sum()
                + pools.values().stream().mapToInt(pool -> pool.used().size()).sum();
    }
}
