package io.leakwatch.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
 * A container that warms up and then stays bounded is not a leak: the payment demo's session map fills at
 * about 290 sessions/s for the 8 s of its idle timeout, and from then on a sweep every 2 s holds it between
 * about 2,300 and 2,900, a sawtooth. Judged as DemoAppIT runs the demo (interval 1 s, window 20 s), the first
 * windows hold the warm-up and a plateau whose quarters' floors and peaks the sampling phase moves by up to
 * one step. Its twin, the same map with sessions that never expire, is a leak.
 */
class WarmUpThenPlateauTest {

    private static final long INTERVAL = 1_000;
    private static final long WATCHED = 90_000;
    private static final double SESSIONS_PER_MILLI = 0.29;
    private static final long IDLE_TIMEOUT = 8_000;
    private static final long SWEEP_PERIOD = 2_000;

    /**
     * {@code activeSessions} from the demo's {@code /health}, polled about every 0.6 s from the moment it
     * listened (time in ms, size), under the agent with DemoAppIT's options.
     */
    private static final long[] RECORDED = {
        0, 0, 953, 97, 1740, 267, 2564, 444, 3401, 643, 4193, 943, 4925, 1170, 5711, 1378, 6478, 1604, 7398, 1848,
        8148, 2087, 8819, 2292, 9435, 2359, 10081, 2546, 10781, 2741, 11430, 2495, 12129, 2696, 12775, 2875, 13380,
        2429, 13958, 2595, 14575, 2764, 15171, 2368, 15764, 2540, 16515, 2756, 17096, 2345, 17716, 2520, 18321, 2699,
        18901, 2861, 19457, 2441, 20038, 2604, 20608, 2773, 21183, 2357, 21749, 2525, 22302, 2683, 22882, 2850,
        23432, 2443, 23982, 2599, 24538, 2761, 25086, 2341, 25634, 2502, 26212, 2666, 26778, 2826, 27380, 2417,
        27947, 2581, 28503, 2743, 29059, 2332, 29616, 2495, 30179, 2657, 30732, 2817, 31292, 2399, 31861, 2558,
        32419, 2719, 32996, 2880, 33552, 2468, 34111, 2630, 34668, 2789, 35224, 2373, 35777, 2534, 36324, 2695,
        36879, 2854, 37422, 2434, 37984, 2599, 38567, 2766, 39123, 2343, 39675, 2508, 40229, 2663, 40775, 2823,
        41317, 2406, 41881, 2563, 42424, 2719, 42969, 2874, 43522, 2460, 44068, 2614, 44620, 2771, 45166, 2349,
        45715, 2509, 46265, 2666, 46813, 2826, 47357, 2403, 47901, 2561, 48444, 2721, 48990, 2874, 49535, 2454,
        50080, 2608, 50623, 2766, 51164, 2348, 51712, 2503, 52259, 2659, 52875, 2836, 53473, 2441, 54028, 2605,
        54578, 2761, 55126, 2337, 55672, 2492, 56217, 2649, 56780, 2813, 57326, 2395, 57877, 2554, 58424, 2714,
        58965, 2870, 59508, 2457, 60062, 2617, 60608, 2775, 61153, 2358, 61698, 2518, 62247, 2678, 62792, 2834,
        63336, 2403, 63930, 2567, 64516, 2736, 65077, 2330, 65629, 2489, 66199, 2654, 66757, 2815, 67312, 2388,
        67867, 2547, 68423, 2701, 68981, 2860, 69542, 2438, 70101, 2602,
    };

    private static LeakwatchConfig config() {
        try {
            return new ConfigParser(notice -> { }).parse("interval=1s,window=20s", Map.of(), Map.of());
        } catch (ConfigException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Every alert of one container whose size at time t is {@code size}, sampled from time 0 every interval
     * plus {@code driftPerPass} (a pass takes time) plus up to {@code jitter} ms.
     */
    private static List<String> watch(LongUnaryOperator size, long driftPerPass, long jitter, long seed, long until) {
        LeakAnalyzer analyzer = new LeakAnalyzer(config(), id -> "com.acme.payment.SessionStore#sessions");
        Random random = new Random(seed);
        List<String> alerts = new ArrayList<>();
        for (long pass = 0; pass * INTERVAL <= until; pass++) {
            long t = pass * (INTERVAL + driftPerPass) + (jitter == 0 ? 0 : (long) (random.nextDouble() * jitter));
            for (Alert alert : analyzer.analyze(t, List.of(new ContainerSample(0, size.applyAsLong(t),
                    "java.util.concurrent.ConcurrentHashMap")), List.of())) {
                alerts.add(alert.severity() + " at " + t + " ms, size " + alert.size());
            }
        }
        return alerts;
    }

    /** The recorded sizes, the latest one at or before each time, with the demo listening at {@code listening}. */
    private static LongUnaryOperator recorded(long listening) {
        return t -> {
            long size = 0;
            for (int i = 0; i < RECORDED.length; i += 2) {
                if (RECORDED[i] + listening <= t) {
                    size = RECORDED[i + 1];
                }
            }
            return size;
        };
    }

    /**
     * The session map modelled: sessions start at {@code rate} per ms from {@code loadStart} (at a third of
     * it for the first {@code slowStart} ms, while the JIT warms up), a sweep every 2 s from
     * {@code loadStart + sweepPhase} removes those idle for 8 s, and a little noise in the arrivals.
     */
    private static LongUnaryOperator sessions(long loadStart, long sweepPhase, long slowStart, boolean expire,
            long seed) {
        Random noise = new Random(seed);
        return t -> {
            long created = created(t, loadStart, slowStart);
            long firstSweep = loadStart + sweepPhase;
            long removedBefore = loadStart;
            if (expire && t >= firstSweep) {
                long lastSweep = firstSweep + (t - firstSweep) / SWEEP_PERIOD * SWEEP_PERIOD;
                removedBefore = Math.max(loadStart, lastSweep - IDLE_TIMEOUT);
            }
            long held = created - created(removedBefore, loadStart, slowStart);
            return Math.max(0, held + (held == 0 ? 0 : noise.nextInt(41) - 20));
        };
    }

    private static long created(long t, long loadStart, long slowStart) {
        if (t <= loadStart) {
            return 0;
        }
        long slow = Math.min(t - loadStart, slowStart);
        return Math.round(slow * SESSIONS_PER_MILLI / 3 + (t - loadStart - slow) * SESSIONS_PER_MILLI);
    }

    static Stream<Arguments> samplingOfTheRecording() {
        List<Arguments> cases = new ArrayList<>();
        for (long listening = 0; listening <= 5_000; listening += 250) {
            for (long drift : new long[] {0, 4, 11}) {
                cases.add(Arguments.of(listening, drift));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "demo listening {0} ms after the first pass, passes drift {1} ms")
    @MethodSource("samplingOfTheRecording")
    void theRecordedSessionMapIsNotALeak(long listening, long drift) {
        assertEquals(List.of(), watch(recorded(listening), drift, 0, 1, WATCHED));
    }

    static Stream<Arguments> warmUps() {
        List<Arguments> cases = new ArrayList<>();
        for (long loadStart : new long[] {0, 700, 1_500, 3_000, 5_000}) {
            for (long sweepPhase = 0; sweepPhase < SWEEP_PERIOD; sweepPhase += 400) {
                for (long slowStart : new long[] {0, 1_500, 4_000}) {
                    for (long drift : new long[] {0, 5}) {
                        cases.add(Arguments.of(loadStart, sweepPhase, slowStart, drift));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "load from {0} ms, sweeps at +{1} ms, slow for {2} ms, drift {3} ms")
    @MethodSource("warmUps")
    void aMapThatWarmsUpAndThenStaysBoundedIsNotALeak(long loadStart, long sweepPhase, long slowStart, long drift) {
        assertEquals(List.of(), watch(sessions(loadStart, sweepPhase, slowStart, true, 3), drift, 60, 5, WATCHED));
    }

    @ParameterizedTest(name = "load from {0} ms, sweeps at +{1} ms, slow for {2} ms, drift {3} ms")
    @MethodSource("warmUps")
    void theSameMapWhoseSessionsNeverExpireIsALeak(long loadStart, long sweepPhase, long slowStart, long drift) {
        List<String> alerts = watch(sessions(loadStart, sweepPhase, slowStart, false, 3), drift, 60, 5, 40_000);
        assertFalse(alerts.isEmpty(), "no alert");
        assertEquals("WARNING", alerts.get(0).substring(0, alerts.get(0).indexOf(' ')), alerts.toString());
    }
}
