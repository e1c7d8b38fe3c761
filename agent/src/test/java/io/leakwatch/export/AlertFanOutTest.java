package io.leakwatch.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.leakwatch.analysis.Alert;
import io.leakwatch.analysis.AlertKind;
import io.leakwatch.analysis.Severity;
import io.leakwatch.log.SuppressedErrors;
import io.leakwatch.log.SuppressedErrors.Source;
import io.leakwatch.log.ThrowingStderr;

class AlertFanOutTest {

    private static final Alert ALERT = Alert.builder(Instant.EPOCH, Severity.WARNING, AlertKind.CONTAINER)
            .site("com.acme.A#cache").size(10).growthPerMin(1200).build();

    @Test
    void aSinkThatThrowsCostsOnlyItsOwnDelivery() {
        List<Alert> delivered = new ArrayList<>();
        long before = SuppressedErrors.total(Source.ALERT_SINK);
        AlertFanOut fanOut = new AlertFanOut(List.of(alert -> {
            throw new OutOfMemoryError("Java heap space");
        }, delivered::add));

        fanOut.deliver(ALERT);
        fanOut.deliver(ALERT);

        assertEquals(List.of(ALERT, ALERT), delivered);
        assertEquals(before + 2, SuppressedErrors.total(Source.ALERT_SINK));
    }

    @Test
    void theStderrSinkOnAStreamThatThrowsDoesNotStopTheOthersNorTheCaller() {
        List<Alert> delivered = new ArrayList<>();
        long before = SuppressedErrors.total(Source.ALERT_SINK);
        try (ThrowingStderr broken = new ThrowingStderr()) {
            new AlertFanOut(List.of(new LogAlertSink(), delivered::add)).deliver(ALERT);
        }
        assertEquals(List.of(ALERT), delivered);
        assertEquals(before + 1, SuppressedErrors.total(Source.ALERT_SINK));
    }
}
