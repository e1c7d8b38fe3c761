package io.leakwatch.agent;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import io.leakwatch.export.PassReport;
import io.leakwatch.log.SuppressedErrors;
import io.leakwatch.log.SuppressedErrors.Source;

class SamplesRecorderTest {

    @Test
    void aPassWhoseSamplesCannotBeTakenIsCountedAndDoesNotFailThePass() {
        SamplesRecorder broken = new SamplesRecorder(null);
        long before = SuppressedErrors.total(Source.RESPONDER);
        assertDoesNotThrow(() -> broken.read(PassReport.BEFORE_FIRST_PASS));
        assertEquals(before + 1, SuppressedErrors.total(Source.RESPONDER));
    }
}
