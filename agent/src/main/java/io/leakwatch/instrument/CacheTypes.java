package io.leakwatch.instrument;

import java.util.Set;

/**
 * The Caffeine and Guava cache interfaces a field may be declared as. Recognised by name, so the
 * transformer never loads either library (it may not even be visible to the class being transformed).
 * Such a field holds a container like a map: the sampler reads the cache's entries count.
 */
final class CacheTypes {

    private static final Set<String> INTERNAL_NAMES = Set.of(
            "com/github/benmanes/caffeine/cache/Cache",
            "com/github/benmanes/caffeine/cache/LoadingCache",
            "com/github/benmanes/caffeine/cache/AsyncCache",
            "com/github/benmanes/caffeine/cache/AsyncLoadingCache",
            "com/google/common/cache/Cache",
            "com/google/common/cache/LoadingCache");

    private CacheTypes() {
    }

    static boolean isCache(String internalName) {
        return INTERNAL_NAMES.contains(internalName);
    }
}
