package io.leakwatch.agent;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

import org.junit.jupiter.api.Test;

import io.leakwatch.export.AlertFanOut;

import io.leakwatch.log.SuppressedErrors;
import io.leakwatch.log.SuppressedErrors.Source;
import io.leakwatch.log.ThrowingStderr;

class MonitoringLoopTest {

    @Test
    void aPassThatRunsOutOfMemoryWhileStderrThrowsNeitherEscapesNorStopsTheNextPasses() {
        LongSupplier outOfMemory = () -> {
            throw new OutOfMemoryError("Java heap space");
        };
        MonitoringLoop loop = new MonitoringLoop(null, null, null, null, new AlertFanOut(List.of()), List.of(), outOfMemory, (now, started) -> { });
        long before = SuppressedErrors.total(Source.SAMPLER_PASS);
        try (ThrowingStderr broken = new ThrowingStderr()) {
            assertDoesNotThrow(loop::run);
            assertDoesNotThrow(loop::run);
        }
        assertEquals(before + 2, SuppressedErrors.total(Source.SAMPLER_PASS));
    }

    @Test
    void aFailureWhoseDescriptionThrowsDoesNotEscape() {
        LongSupplier hostile = () -> {
            throw new IllegalStateException() {
                @Override
                public String toString() {
                    throw new IllegalStateException("no description");
                }
            };
        };
        MonitoringLoop loop = new MonitoringLoop(null, null, null, null, new AlertFanOut(List.of()), List.of(), hostile, (now, started) -> { });
        assertDoesNotThrow(loop::run);
    }

    @Test
    void passesGoOnThroughOutOfMemoryErrorsAndInterrupts() throws InterruptedException {
        int wanted = 20;
        AtomicInteger passes = new AtomicInteger();
        CountDownLatch enough = new CountDownLatch(wanted);
        LongSupplier failingEveryOtherPass = () -> {
            int pass = passes.incrementAndGet();
            enough.countDown();
            if (pass >= wanted) {
                // Parks the test's sampler for good, so that it does not spin after the test.
                while (true) {
                    Thread.interrupted();
                    LockSupport.park();
                }
            }
            Thread.currentThread().interrupt();
            if (pass % 2 == 0) {
                throw new OutOfMemoryError("Java heap space");
            }
            return pass;
        };
        MonitoringLoop loop = new MonitoringLoop(null, null, null, null, new AlertFanOut(List.of()), List.of(), failingEveryOtherPass,
                (now, started) -> { });
        Thread sampler = new Thread(() -> loop.runEvery(1), "leakwatch-sampler-test");
        sampler.setDaemon(true);
        sampler.start();

        assertTrue(enough.await(30, TimeUnit.SECONDS), "passes stopped after " + passes.get());
    }
}
