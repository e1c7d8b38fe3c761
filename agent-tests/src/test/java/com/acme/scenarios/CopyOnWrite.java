package com.acme.scenarios;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fields re-assigned about 200 times a second with a new copy of their container. Three of them leak, each copy one
 * element bigger than the last: feature flags rebuilt with {@code Map.copyOf}, tags with {@code List.copyOf}, and an
 * audit trail copied into a new ArrayList and added to. One healthy twin is re-assigned just as often but keeps its
 * size between 400 and 480 entries (the copies replace each other). Runs until stopped.
 */
public final class CopyOnWrite {

    /** Leaks: every flag ever enabled, in an immutable map replaced on each change. */
    static final class FeatureFlags {
        private volatile Map<String, Boolean> flags = Map.of();

        void enable(String flag) {
            Map<String, Boolean> bigger = new HashMap<>(flags);
            bigger.put(flag, Boolean.TRUE);
            flags = Map.copyOf(bigger);
        }
    }

    /** Leaks: an immutable list rebuilt on every add. */
    static final class Tags {
        private volatile List<String> tags = List.of();

        void add(String tag) {
            List<String> next = new ArrayList<>(tags);
            next.add(tag);
            tags = List.copyOf(next);
        }
    }

    /** Leaks: a copy, one entry longer, assigned on every event. */
    static final class AuditTrail {
        private List<String> entries = new ArrayList<>();

        void add(String entry) {
            List<String> next = new ArrayList<>(entries);
            next.add(entry);
            entries = next;
        }
    }

    /** Healthy: routes replaced just as often, the table between 400 and 480 entries. */
    static final class RoutingTable {
        private volatile Map<String, String> routes = Map.of();

        void update(int version) {
            // A triangle wave: 80 versions up, 80 down.
            int phase = version % 160;
            int size = 400 + (phase < 80 ? phase : 160 - phase);
            Map<String, String> next = new HashMap<>();
            for (int i = 0; i < size; i++) {
                next.put("route-" + i, "backend-" + ((i + version) % 7));
            }
            routes = Map.copyOf(next);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        FeatureFlags flags = new FeatureFlags();
        Tags tags = new Tags();
        AuditTrail trail = new AuditTrail();
        RoutingTable routing = new RoutingTable();
        System.out.println("started");
        for (int version = 0; ; version++) {
            flags.enable("flag-" + version);
            tags.add("tag-" + version);
            trail.add("event-" + version);
            routing.update(version);
            Thread.sleep(5);
        }
    }
}
