package io.leakwatch.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The few container sites worth exporting, chosen while every site is walked once: alerted sites first,
 * then the fastest-growing, then the largest. Only the best {@code maxSites} are held at any time, since a
 * pass must not sort 16k sites to export 20; each exported site costs the user a few metric series.
 */
final class ExportedSites {

    /** Alerted sites first, then the fastest-growing, then the largest. */
    static final Comparator<SiteStatus> EXPORT_ORDER =
            Comparator.comparing((SiteStatus status) -> status.activeAlert() == null)
                    .thenComparing(Comparator.comparingDouble(SiteStatus::growthPerSecond).reversed())
                    .thenComparing(Comparator.comparingLong(SiteStatus::size).reversed());

    /** The least worth exporting on top, to be dropped first. */
    private static final Comparator<SiteStatus> LEAST_WORTH_FIRST = EXPORT_ORDER.reversed();

    private final int maxSites;
    private final PriorityQueue<SiteStatus> kept;

    ExportedSites(int maxSites) {
        this.maxSites = maxSites;
        this.kept = new PriorityQueue<>(maxSites + 1, LEAST_WORTH_FIRST);
    }

    /** Keeps the site if it is among the best {@code maxSites} offered so far. */
    void offer(SiteStatus status) {
        kept.add(status);
        if (kept.size() > maxSites) {
            kept.poll();
        }
    }

    /** The sites kept, best first. */
    List<SiteStatus> inExportOrder() {
        List<SiteStatus> sites = new ArrayList<>(kept);
        sites.sort(EXPORT_ORDER);
        return sites;
    }
}
