package io.leakwatch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** Which sites a snapshot exports: alerted first, then the fastest-growing, then the largest, at most maxSites. */
class ExportedSitesTest {

    private static final SiteStatus ALERTED_SLOW_SMALL = site("alerted", 0.1, 10, Severity.WARNING);
    private static final SiteStatus CRITICAL_FLAT = site("critical", 0, 5, Severity.CRITICAL);
    private static final SiteStatus FAST = site("fast", 50, 100, null);
    private static final SiteStatus SLOW = site("slow", 2, 100, null);
    private static final SiteStatus LARGE_FLAT = site("large", 0, 1_000_000, null);
    private static final SiteStatus SMALL_FLAT = site("small", 0, 3, null);
    private static final SiteStatus SHRINKING = site("shrinking", -20, 500_000, null);

    /** Best first. */
    private static final List<SiteStatus> EXPECTED = List.of(ALERTED_SLOW_SMALL, CRITICAL_FLAT, FAST, SLOW,
            LARGE_FLAT, SMALL_FLAT, SHRINKING);

    private static SiteStatus site(String name, double growthPerSecond, long size, Severity active) {
        return new SiteStatus(name.hashCode(), name, "java.util.HashMap", size, growthPerSecond, active);
    }

    private static List<String> chosen(List<SiteStatus> offered, int maxSites) {
        ExportedSites sites = new ExportedSites(maxSites);
        offered.forEach(sites::offer);
        return sites.inExportOrder().stream().map(SiteStatus::site).collect(Collectors.toList());
    }

    private static List<String> names(List<SiteStatus> sites) {
        return sites.stream().map(SiteStatus::site).collect(Collectors.toList());
    }

    @Test
    void alertedComeFirstThenTheFastestGrowingThenTheLargest() {
        List<SiteStatus> reversed = new ArrayList<>(EXPECTED);
        Collections.reverse(reversed);
        assertEquals(names(EXPECTED), chosen(reversed, 100));
    }

    @Test
    void keepsOnlyTheBestMaxSitesWhateverTheOrderTheyComeIn() {
        Random random = new Random(13);
        for (int round = 0; round < 20; round++) {
            List<SiteStatus> offered = new ArrayList<>(EXPECTED);
            Collections.shuffle(offered, random);
            for (int maxSites = 0; maxSites <= EXPECTED.size(); maxSites++) {
                assertEquals(names(EXPECTED.subList(0, maxSites)), chosen(offered, maxSites),
                        "max " + maxSites + " of " + names(offered));
            }
        }
    }

    @Test
    void anAlertedSiteIsKeptOverAnyNumberOfFasterOnes() {
        List<SiteStatus> offered = new ArrayList<>();
        offered.add(ALERTED_SLOW_SMALL);
        for (int i = 0; i < 50; i++) {
            offered.add(site("fast" + i, 1_000 + i, 1_000_000, null));
        }
        assertEquals(List.of("alerted", "fast49", "fast48"), chosen(offered, 3));
    }
}
