package com.acme.scenarios;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.cache.LoadingCache;

/**
 * Caches held in fields, as services hold them: three without any bound that grow (Caffeine, Caffeine
 * async, Guava loading), and three under heavy churn that a size or time bound keeps in check.
 */
public final class CacheShapes {

    /** Leaks: every quote requested is kept for good. */
    static final class QuoteService {
        private final Cache<String, byte[]> quotes = Caffeine.newBuilder().build();
        private final AsyncCache<String, String> pendingQuotes = Caffeine.newBuilder().buildAsync();
        private final LoadingCache<String, String> customerNames = CacheBuilder.newBuilder()
                .build(CacheLoader.from(key -> "name of " + key));
    }

    /** Healthy twins: bounded by size or by time, churned far faster than the leaks grow. */
    static final class PricingService {
        private final Cache<Long, byte[]> recentPrices = Caffeine.newBuilder().maximumSize(2_000).build();
        private final Cache<Long, String> sessions = Caffeine.newBuilder()
                .expireAfterWrite(Duration.ofMillis(500)).build();
        private final com.google.common.cache.Cache<Long, String> rates = CacheBuilder.newBuilder()
                .maximumSize(2_000).build();
    }

    private CacheShapes() {
    }

    public static void main(String[] args) throws Exception {
        QuoteService quotes = new QuoteService();
        PricingService pricing = new PricingService();
        System.out.println("started");
        long tick = 0;
        while (true) {
            for (int i = 0; i < 5; i++) {
                String key = "q-" + tick + "-" + i;
                quotes.quotes.put(key, new byte[64]);
                quotes.pendingQuotes.put(key, CompletableFuture.completedFuture(key));
                quotes.customerNames.get(key);
            }
            for (int i = 0; i < 500; i++) {
                long key = tick * 500 + i;
                pricing.recentPrices.put(key, new byte[32]);
                pricing.sessions.put(key, "s");
                pricing.rates.put(key, "r");
            }
            tick++;
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }
}
