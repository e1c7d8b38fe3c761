package com.acme.scenarios;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Six session maps shaped like the payment demo's {@code SessionStore#sessions}: about 290 new sessions a
 * second, each removed by a sweep every 2 s once idle for 8 s. Each map warms up for about ten seconds and
 * then stays between about 2,300 and 2,900 entries, a sawtooth; they differ in when their traffic starts
 * (after a slow first second and a half, as while the JIT warms up) and in the phase of their sweeps, so
 * that the sampler meets the warm-up and the sawtooth at six different phases. With the argument
 * {@code control-leak}, a seventh map whose sessions never expire runs beside them: a silent agent is told
 * from a deaf one.
 */
public final class WarmingSessionMaps {

    private static final long SESSIONS_PER_SECOND = 290;
    private static final long SLOW_START_MILLIS = 1_500;
    private static final long IDLE_TIMEOUT_MILLIS = 8_000;
    private static final long SWEEP_MILLIS = 2_000;

    /**
     * The traffic and the sweeps of one map. It holds no map itself: each map is held in a field of its own, so
     * that each is a site of its own.
     */
    static final class Traffic {
        private final long trafficFrom;
        private final long firstSweep;
        private final boolean expires;
        private long created;
        private long nextSweep;

        Traffic(long trafficFromMillis, long sweepPhaseMillis, boolean expires) {
            long now = System.currentTimeMillis();
            this.trafficFrom = now + trafficFromMillis;
            this.firstSweep = trafficFrom + sweepPhaseMillis;
            this.nextSweep = firstSweep;
            this.expires = expires;
        }

        /** Starts the sessions due by now and sweeps the idle ones when a sweep is due. */
        void tick(Map<Long, Long> sessions, long now) {
            long due = sessionsDueBy(now);
            while (created < due) {
                sessions.put(created++, now);
            }
            if (expires && now >= nextSweep) {
                nextSweep += SWEEP_MILLIS;
                for (Iterator<Long> startedAt = sessions.values().iterator(); startedAt.hasNext();) {
                    if (now - startedAt.next() > IDLE_TIMEOUT_MILLIS) {
                        startedAt.remove();
                    }
                }
            }
        }

        private long sessionsDueBy(long now) {
            long running = now - trafficFrom;
            if (running <= 0) {
                return 0;
            }
            long slow = Math.min(running, SLOW_START_MILLIS);
            return (slow * SESSIONS_PER_SECOND / 3 + (running - slow) * SESSIONS_PER_SECOND) / 1000;
        }
    }

    /** The six healthy maps, each in its own field. */
    static final class Stores {
        static Map<Long, Long> first;
        static Map<Long, Long> second;
        static Map<Long, Long> third;
        static Map<Long, Long> fourth;
        static Map<Long, Long> fifth;
        static Map<Long, Long> sixth;
    }

    /** The one real leak, present only with {@code control-leak}. */
    static final class ControlLeak {
        static Map<Long, Long> sessions;
    }

    public static void main(String[] args) throws InterruptedException {
        boolean controlLeak = args.length > 0 && args[0].equals("control-leak");
        Stores.first = new ConcurrentHashMap<>();
        Stores.second = new ConcurrentHashMap<>();
        Stores.third = new ConcurrentHashMap<>();
        Stores.fourth = new ConcurrentHashMap<>();
        Stores.fifth = new ConcurrentHashMap<>();
        Stores.sixth = new ConcurrentHashMap<>();
        ControlLeak.sessions = new ConcurrentHashMap<>();
        List<Map<Long, Long>> maps = List.of(Stores.first, Stores.second, Stores.third, Stores.fourth, Stores.fifth,
                Stores.sixth);
        List<Traffic> traffic = new ArrayList<>();
        for (int i = 0; i < maps.size(); i++) {
            traffic.add(new Traffic(i * 700L, i * 333L, true));
        }
        Traffic neverExpiring = new Traffic(0, 0, false);
        System.out.println("started");
        while (true) {
            long now = System.currentTimeMillis();
            for (int i = 0; i < maps.size(); i++) {
                traffic.get(i).tick(maps.get(i), now);
            }
            if (controlLeak) {
                neverExpiring.tick(ControlLeak.sessions, now);
            }
            Thread.sleep(10);
        }
    }
}
