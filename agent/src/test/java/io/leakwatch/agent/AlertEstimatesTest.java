package io.leakwatch.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import org.junit.jupiter.api.Test;

import io.leakwatch.analysis.Alert;
import io.leakwatch.analysis.AlertKind;
import io.leakwatch.analysis.Severity;
import io.leakwatch.track.RetainedEstimates;
import io.leakwatch.track.SiteEstimate;

class AlertEstimatesTest {

    private static final Instant NOW = Instant.ofEpochMilli(5_000);

    private final List<Integer> estimated = new ArrayList<>();
    private final Map<Integer, SiteEstimate> sites = new HashMap<>();
    private final RetainedEstimates retained = new RetainedEstimates(id -> {
        estimated.add(id);
        return id == 4 ? OptionalLong.empty() : OptionalLong.of(100L * id);
    }, id -> sites.computeIfAbsent(id, unused -> new SiteEstimate()), 60_000);
    private final AlertEstimates alertEstimates = new AlertEstimates(retained);

    private static Alert container(Severity severity, int siteId) {
        return Alert.builder(NOW, severity, AlertKind.CONTAINER).siteId(siteId).site("com.acme.Site#f" + siteId)
                .size(10).build();
    }

    @Test
    void aRaisedContainerAlertCarriesTheEstimateTakenNowWhichBecomesTheSitesLatest() {
        retained.refresh(3, 0);
        List<Alert> measured = alertEstimates.measure(5_000, List.of(container(Severity.WARNING, 3)));

        assertEquals(List.of(3, 3), estimated, "taken again for the alert, whatever the refresh period");
        assertEquals(300L, measured.get(0).estimatedBytes());
        assertEquals("com.acme.Site#f3", measured.get(0).site());
        assertEquals(Severity.WARNING, measured.get(0).severity());
        assertEquals(OptionalLong.of(300), retained.latest(3));
        assertEquals(true, retained.takenAt(3, 5_000), "so that the pass's report does not take it a third time");
    }

    @Test
    void resolvedAndPoolAlertsAreHandedOnAsTheyAreWithoutAWalk() {
        Alert resolved = container(Severity.RESOLVED, 2);
        Alert heap = Alert.builder(NOW, Severity.WARNING, AlertKind.HEAP).pool("G1 Old Gen").build();
        Alert critical = container(Severity.CRITICAL, 1);

        List<Alert> measured = alertEstimates.measure(5_000, List.of(resolved, heap, critical));

        assertSame(resolved, measured.get(0));
        assertSame(heap, measured.get(1));
        assertEquals(100L, measured.get(2).estimatedBytes(), "order kept");
        assertEquals(List.of(1), estimated);
    }

    @Test
    void aSiteThatCannotBeWalkedNowLeavesTheAlertWithoutAnEstimate() {
        Alert warning = container(Severity.WARNING, 4);
        assertNull(alertEstimates.measure(5_000, List.of(warning)).get(0).estimatedBytes());
    }
}
