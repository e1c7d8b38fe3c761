package io.leakwatch.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;

/** The sampler reads real caches' entry counts through their fields, as their own estimates would report them. */
class CacheFacadesTest {

    private final ContainerReader reader = new ContainerReader(new SizeCallWatch(4), System::nanoTime);

    @Test
    void caffeineCachesOfEveryKindReadAsTheirEstimatedSize() throws Exception {
        Cache<Integer, String> unbounded = Caffeine.newBuilder().build();
        Cache<Integer, String> bounded = Caffeine.newBuilder().maximumSize(1_000).recordStats().build();
        LoadingCache<Integer, String> loading = Caffeine.newBuilder().build(key -> "v" + key);
        AsyncCache<Integer, String> async = Caffeine.newBuilder().maximumSize(1_000).buildAsync();
        for (int i = 0; i < 37; i++) {
            unbounded.put(i, "v");
            bounded.put(i, "v");
            loading.get(i);
            async.put(i, CompletableFuture.completedFuture("v"));
        }

        assertEquals(37, reader.size(unbounded));
        assertEquals(bounded.estimatedSize(), reader.size(bounded));
        assertEquals(37, reader.size(loading));
        assertEquals(37, reader.size(async));
        assertTrue(ContainerReader.iterableCore(unbounded) instanceof ConcurrentHashMap,
                "the estimate walks the cache's own entries map");
    }

    @Test
    void guavaCachesReadThroughTheirLocalCache() throws Exception {
        com.google.common.cache.Cache<Integer, String> manual = CacheBuilder.newBuilder().build();
        com.google.common.cache.LoadingCache<Integer, String> loading = CacheBuilder.newBuilder().maximumSize(100)
                .build(CacheLoader.from(key -> "v" + key));
        for (int i = 0; i < 12; i++) {
            manual.put(i, "v");
            loading.getUnchecked(i);
        }

        assertEquals(12, reader.size(manual));
        assertEquals(12, reader.size(loading));
        assertEquals(ContainerReader.Kind.UNWRAP, ContainerReader.kindOf(manual.getClass()));
        assertNull(ContainerReader.iterableCore(manual), "Guava's entries are not walked: its size() is library code");
    }

    @Test
    void otherClassesAreNotCaches() {
        assertNull(CacheFacades.planFor(String.class));
        assertNull(CacheFacades.planFor(java.util.HashMap.class));
    }
}
