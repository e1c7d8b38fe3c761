package com.acme.scenarios;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Maps whose set of keys never changes: one leaks through its values (each customer's list of transactions grows
 * for ever), and four healthy twins do not (values trimmed to a bound, value batches flushed every half second,
 * values that are not collections, and a large map of 200,000 fixed single-element lists). Runs until stopped.
 */
public final class NestedValues {

    static final int CUSTOMERS = 100;

    record CustomerId(int id) {
    }

    record Transaction(long sequence, int cents) {
    }

    /** The leak: a fixed set of customers whose histories grow by about 2,000 transactions a second in all. */
    static final class Ledger {
        private final Map<CustomerId, List<Transaction>> byCustomer = new HashMap<>();

        Ledger() {
            for (int i = 0; i < CUSTOMERS; i++) {
                byCustomer.put(new CustomerId(i), new ArrayList<>());
            }
        }

        void record(int customer, Transaction transaction) {
            byCustomer.get(new CustomerId(customer)).add(transaction);
        }
    }

    /** Healthy: each customer keeps only its last 20 transactions. */
    static final class RecentActivity {
        private static final int KEPT = 20;
        private final Map<CustomerId, Deque<Transaction>> byCustomer = new ConcurrentHashMap<>();

        RecentActivity() {
            for (int i = 0; i < CUSTOMERS; i++) {
                byCustomer.put(new CustomerId(i), new ArrayDeque<>());
            }
        }

        void record(int customer, Transaction transaction) {
            Deque<Transaction> recent = byCustomer.get(new CustomerId(customer));
            recent.addLast(transaction);
            if (recent.size() > KEPT) {
                recent.removeFirst();
            }
        }
    }

    /** Healthy: transactions wait in per-customer batches that are all flushed every half second. */
    static final class PendingBatches {
        private final Map<CustomerId, List<Transaction>> byCustomer = new HashMap<>();
        private long lastFlush = System.nanoTime();

        PendingBatches() {
            for (int i = 0; i < CUSTOMERS; i++) {
                byCustomer.put(new CustomerId(i), new ArrayList<>());
            }
        }

        void record(int customer, Transaction transaction) {
            byCustomer.get(new CustomerId(customer)).add(transaction);
            if (System.nanoTime() - lastFlush > 500_000_000L) {
                byCustomer.values().forEach(List::clear);
                lastFlush = System.nanoTime();
            }
        }
    }

    /** A mutable value that is not a collection. */
    static final class Balance {
        long cents;
    }

    /** Healthy: the values are updated in place and are not collections. */
    static final class Balances {
        private final Map<CustomerId, Balance> byCustomer = new HashMap<>();

        Balances() {
            for (int i = 0; i < CUSTOMERS; i++) {
                byCustomer.put(new CustomerId(i), new Balance());
            }
        }

        void record(int customer, Transaction transaction) {
            byCustomer.get(new CustomerId(customer)).cents += transaction.cents();
        }
    }

    /** Healthy and large: 200,000 products, each with a fixed list of one supplier; the sampler must not stall on it. */
    static final class Catalogue {
        private final Map<Integer, List<String>> suppliersByProduct = new HashMap<>();

        Catalogue() {
            for (int i = 0; i < 200_000; i++) {
                suppliersByProduct.put(i, List.of("supplier-" + (i % 50)));
            }
        }

        int suppliers(int product) {
            return suppliersByProduct.get(product).size();
        }
    }

    public static void main(String[] args) throws InterruptedException {
        Ledger ledger = new Ledger();
        RecentActivity recent = new RecentActivity();
        PendingBatches batches = new PendingBatches();
        Balances balances = new Balances();
        Catalogue catalogue = new Catalogue();
        long sequence = 0;
        long checksum = 0;
        System.out.println("started");
        for (int tick = 0; ; tick++) {
            // 20 transactions every 10 ms: about 2,000 a second.
            for (int i = 0; i < 20; i++) {
                int customer = (int) (sequence % CUSTOMERS);
                Transaction transaction = new Transaction(sequence++, (int) (sequence % 997));
                ledger.record(customer, transaction);
                recent.record(customer, transaction);
                batches.record(customer, transaction);
                balances.record(customer, transaction);
            }
            checksum += catalogue.suppliers(tick % 200_000);
            if (checksum < 0) {
                System.out.println(checksum);
            }
            Thread.sleep(10);
        }
    }
}
