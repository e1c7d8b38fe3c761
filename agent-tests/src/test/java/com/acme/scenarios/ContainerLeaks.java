package com.acme.scenarios;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Three classic leaks, each growing at its own pace until the process is stopped. */
public final class ContainerLeaks {

    /** A static map that is only ever added to. */
    static final class PriceCache {
        static final Map<String, byte[]> PRICES = new HashMap<>();
    }

    /** A long-lived service whose instance field keeps every request. */
    static final class AuditService {
        private final List<String> handledRequests = new ArrayList<>();

        void handle(int request) {
            handledRequests.add("request-" + request);
        }
    }

    /** Listeners registered on every request and never removed. */
    static final class EventBus {
        private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

        void subscribe(Runnable listener) {
            listeners.add(listener);
        }
    }

    public static void main(String[] args) throws InterruptedException {
        AuditService audit = new AuditService();
        EventBus bus = new EventBus();
        System.out.println("started");
        for (int tick = 0; ; tick++) {
            for (int i = 0; i < 40; i++) {
                PriceCache.PRICES.put("sku-" + tick + "-" + i, new byte[16]);
            }
            for (int i = 0; i < 10; i++) {
                audit.handle(tick * 10 + i);
            }
            if (tick % 50 == 0) {
                System.out.println("tick " + tick);
            }
            if (tick % 5 == 0) {
                int id = tick;
                bus.subscribe(() -> System.out.println(id));
            }
            Thread.sleep(10);
        }
    }
}
