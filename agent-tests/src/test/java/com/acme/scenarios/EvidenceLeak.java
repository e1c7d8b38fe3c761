package com.acme.scenarios;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request handler that records every payment in a ledger map nobody prunes, beside a bounded LRU cache filled
 * just as often and per-request garbage: only the ledger's entries are a leak, and the evidence must point at
 * the line that adds them, with the request path above it.
 */
public final class EvidenceLeak {

    /** One recorded payment, a few hundred bytes. */
    static final class Payment {
        final String id;
        final byte[] details;

        Payment(String id) {
            this.id = id;
            this.details = new byte[256];
        }
    }

    /** The leak: every payment is kept, forever. */
    static final class Ledger {
        private final Map<String, Payment> entries = new HashMap<>();

        void record(String id) {
            entries.put(id, new Payment(id)); // the line that adds to the ledger
        }
    }

    /** Healthy: the last 1,000 quotes, the eldest evicted. */
    static final class QuoteCache {
        private final Map<String, byte[]> recentQuotes = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
                return size() > 1000;
            }
        };

        void remember(String id) {
            recentQuotes.put(id, new byte[256]);
        }
    }

    static final class RequestHandler {
        private final Ledger ledger = new Ledger();
        private final QuoteCache quotes = new QuoteCache();

        void handle(int request) {
            String id = "payment-" + request;
            quotes.remember(id);
            ledger.record(id);
            byte[] scratch = new byte[512];
            scratch[request % scratch.length] = 1;
        }
    }

    public static void main(String[] args) throws InterruptedException {
        RequestHandler handler = new RequestHandler();
        System.out.println("started");
        for (int request = 0; ; request++) {
            handler.handle(request);
            if (request % 20 == 0) {
                Thread.sleep(10);
            }
        }
    }
}
