package io.leakwatch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.LongUnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.leakwatch.config.ConfigException;
import io.leakwatch.config.ConfigParser;
import io.leakwatch.config.LeakwatchConfig;
import io.leakwatch.track.ContainerSample;

/**
 * Containers whose size oscillates within a bounded range (a batch list flushed when full, a queue that
 * fills and drains) are never a leak, whatever their period and phase against the window and the
 * sampling interval; the same oscillation on a rising floor is. Synthetic sizes go through the real
 * analyzer on a fake clock, sampled every 500 ms (optionally with jitter) and judged over a 20 s window.
 */
class OscillationTest {

    private static final long INTERVAL = 500;
    private static final long WINDOW = 20_000;
    private static final long QUARTER = WINDOW / 4;
    private static final long AMPLITUDE = 50_000;
    private static final long WATCHED = 150_000;

    /** The shape of one period, from 0 to 1 of it, as a fraction of the amplitude. */
    enum Wave {
        /** Fills steadily and is cleared at once: a batch flushed when full. */
        SAWTOOTH {
            @Override
            double at(double phase) {
                return phase;
            }
        },
        /** Fills in the first fifth of the period, then waits full until it is flushed. */
        FILL_AND_HOLD {
            @Override
            double at(double phase) {
                return Math.min(1, phase * 5);
            }
        },
        /** Fills and drains at the same pace: a bounded queue. */
        TRIANGLE {
            @Override
            double at(double phase) {
                return phase < 0.5 ? 2 * phase : 2 - 2 * phase;
            }
        };

        abstract double at(double phase);
    }

    /** The first alert's time and severity, per pass, of one container sampled from {@code size}. */
    private static List<Alert> watch(LongUnaryOperator size, long jitterMillis, long seed, long until) {
        LeakAnalyzer analyzer = new LeakAnalyzer(config(), id -> "com.acme.Batch#pending");
        Random random = new Random(seed);
        List<Alert> alerts = new ArrayList<>();
        for (long tick = 0; tick * INTERVAL <= until; tick++) {
            long t = tick * INTERVAL + (jitterMillis == 0 ? 0 : (long) (random.nextDouble() * jitterMillis));
            alerts.addAll(analyzer.analyze(t, List.of(new ContainerSample(0, size.applyAsLong(t), "java.util.ArrayList")),
                    List.of()));
        }
        return alerts;
    }

    private static List<String> describe(List<Alert> alerts) {
        List<String> described = new ArrayList<>();
        for (Alert alert : alerts) {
            described.add(alert.severity() + " at " + alert.time().toEpochMilli() + " ms, size " + alert.size());
        }
        return described;
    }

    private static LongUnaryOperator oscillation(Wave wave, double periodInQuarters, double phase, long floorPerWindow) {
        double period = periodInQuarters * QUARTER;
        return t -> {
            double cycle = t / period + phase;
            return Math.round(AMPLITUDE * wave.at(cycle - Math.floor(cycle))) + floorPerWindow * t / WINDOW;
        };
    }

    private static LeakwatchConfig config() {
        try {
            return new ConfigParser(notice -> { }).parse("interval=500ms,window=20s", Map.of(), Map.of());
        } catch (ConfigException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The reported false alarm: an ArrayList filled to 50,000 items at 10,100 items/s and cleared when full,
     * so every 4.95 s, just under a quarter of the window: each quarter's lowest sample crept up.
     */
    @Test
    void theReportedFlushedBatchIsNotALeak() {
        long period = 50_000 * 1000 / 10_100;
        List<Alert> alerts = watch(t -> (t % period) * 10_100 / 1000, 0, 0, WATCHED);
        assertEquals(List.of(), describe(alerts));
    }

    static Stream<Arguments> boundedOscillations() {
        List<Arguments> cases = new ArrayList<>();
        for (Wave wave : Wave.values()) {
            for (double period : new double[] {0.3, 0.5, 0.9, 0.99, 1.0, 1.01, 1.1, 2, 3, 4, 5}) {
                for (double phase : new double[] {0, 0.2, 0.4, 0.6, 0.8}) {
                    // A fill lasting longer than a window before any flush was seen cannot be told from a
                    // leak; once a flush has been seen, the history remembers the peak it fell from.
                    boolean firstFillOutlastsAWindow = wave != Wave.TRIANGLE
                            && (1 - phase) * period * QUARTER >= WINDOW - INTERVAL;
                    if (firstFillOutlastsAWindow) {
                        continue;
                    }
                    for (long jitter : new long[] {0, 120}) {
                        cases.add(Arguments.of(wave, period, phase, jitter));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} every {1} quarters, phase {2}, jitter {3} ms")
    @MethodSource("boundedOscillations")
    void aBoundedOscillationIsNeverALeak(Wave wave, double periodInQuarters, double phase, long jitter) {
        List<Alert> alerts = watch(oscillation(wave, periodInQuarters, phase, 0), jitter, 7, WATCHED);
        assertEquals(List.of(), describe(alerts));
    }

    static Stream<Arguments> oscillationsOnARisingFloor() {
        List<Arguments> cases = new ArrayList<>();
        for (double period : new double[] {0.3, 0.5, 0.9, 0.99, 1.0, 1.01, 1.1}) {
            // A tooth spanning three samples, with jitter, is read to within about 40 % of its height:
            // its floor must gain more per window than a better-sampled tooth's before it stands out.
            long floorPerWindow = period < 0.5 ? 2 * AMPLITUDE : AMPLITUDE;
            for (double phase : new double[] {0, 0.2, 0.4, 0.6, 0.8}) {
                for (long jitter : new long[] {0, 120}) {
                    cases.add(Arguments.of(period, floorPerWindow, phase, jitter));
                }
            }
        }
        return cases.stream();
    }

    /** The leak twin: the same flushed batch, but each flush leaves more behind (its floor rises). */
    @ParameterizedTest(name = "sawtooth every {0} quarters, floor +{1} a window, phase {2}, jitter {3} ms")
    @MethodSource("oscillationsOnARisingFloor")
    void theSameOscillationOnARisingFloorIsALeak(double periodInQuarters, long floorPerWindow, double phase,
            long jitter) {
        List<Alert> alerts = watch(oscillation(Wave.SAWTOOTH, periodInQuarters, phase, floorPerWindow), jitter, 7,
                2 * WINDOW);
        assertTrue(!alerts.isEmpty() && alerts.get(0).severity() == Severity.WARNING, describe(alerts).toString());
    }

    @Test
    void steadyGrowthIsReportedAQuarterAfterOneWindow() {
        List<Alert> alerts = watch(t -> 1_000 + t / 10, 0, 0, WINDOW + QUARTER + 2 * INTERVAL);
        assertEquals(1, alerts.size());
        assertTrue(alerts.get(0).time().toEpochMilli() <= WINDOW + QUARTER, describe(alerts).toString());
    }

    @Test
    void growthWithDipsIsReportedAQuarterAfterOneWindow() {
        List<Alert> alerts = watch(t -> 1_000 + t / 10 - (t % 3_000 < 500 ? 150 : 0), 0, 0,
                WINDOW + QUARTER + 2 * INTERVAL);
        assertEquals(1, alerts.size());
        assertTrue(alerts.get(0).time().toEpochMilli() <= WINDOW + QUARTER, describe(alerts).toString());
    }
}
