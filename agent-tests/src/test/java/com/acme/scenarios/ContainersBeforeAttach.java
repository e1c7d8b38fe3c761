package com.acme.scenarios;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Containers that exist before leakwatch is attached and whose fields are never written again: a
 * static map filled by a static initialiser and a singleton's list, both growing through their own
 * methods, beside a static map that stays bounded, and a class that is loaded but never initialised.
 */
public final class ContainersBeforeAttach {

    /** A static cache filled when the class is initialised; afterwards only {@code put} is called on it. */
    static final class ExchangeRates {
        static final Map<String, Double> RATES = new HashMap<>();

        static {
            for (int i = 0; i < 100; i++) {
                RATES.put("EUR-" + i, 1.0 + i / 100.0);
            }
        }
    }

    /** A singleton whose list grows; reachable only from its class's static field. */
    static final class AuditTrail {
        static final AuditTrail INSTANCE = new AuditTrail();
        private final Holder holder = new Holder();
    }

    /** One level further from the static root. */
    static final class Holder {
        private final List<String> entries = new ArrayList<>();
    }

    /** Healthy twin: a fixed set of keys overwritten again and again. */
    static final class RoutingTable {
        static final Map<Integer, String> ROUTES = new HashMap<>();
    }

    /** Loaded but never initialised: the agent must not be the one that runs this. */
    static final class NeverInitialised {
        static final Map<String, String> SETTINGS = new HashMap<>();

        static {
            System.out.println("NeverInitialised was initialised");
        }
    }

    private ContainersBeforeAttach() {
    }

    public static void main(String[] args) throws Exception {
        Class.forName(NeverInitialised.class.getName(), false, ContainersBeforeAttach.class.getClassLoader());
        for (int i = 0; i < 1000; i++) {
            RoutingTable.ROUTES.put(i, "node-" + i);
        }
        AuditTrail.INSTANCE.holder.entries.add("boot");
        System.out.println(ExchangeRates.RATES.size() + " rates loaded");
        System.out.println("started");
        long tick = 0;
        while (true) {
            ExchangeRates.RATES.put("USD-" + tick, 1.0 + tick);
            AuditTrail.INSTANCE.holder.entries.add("event " + tick);
            RoutingTable.ROUTES.put((int) (tick % 1000), "node-" + tick);
            tick++;
            Thread.sleep(5);
        }
    }
}
