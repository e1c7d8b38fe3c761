package io.leakwatch.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.leakwatch.analysis.AnalysisSnapshot;
import io.leakwatch.export.PassReport;
import io.leakwatch.export.TrackingCounts;
import io.leakwatch.instrument.SkippedClasses;

class ExportedReadingsTest {

    private final ExportedReadings readings = new ExportedReadings(null, () -> 0, new SkippedClasses());

    @Test
    void exportReadsTheLatestReportWholeAndEachPassDurationOnce() {
        assertSame(PassReport.BEFORE_FIRST_PASS, readings.latestPass());
        PassReport first = new PassReport(1_000, 300, AnalysisSnapshot.EMPTY, Map.of(), Set.of(), TrackingCounts.NONE);
        PassReport second = new PassReport(1_500, 500, AnalysisSnapshot.EMPTY, Map.of(), Set.of(), TrackingCounts.NONE);

        readings.publish(first);
        readings.publish(second);

        assertSame(second, readings.latestPass());
        assertEquals(2, readings.samplerPasses().count(), "both passes' durations");
        assertEquals(0, readings.samplerPasses().count(), "taken by the previous export");
    }
}
