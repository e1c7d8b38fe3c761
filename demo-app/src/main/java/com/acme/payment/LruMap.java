package com.acme.payment;

import java.util.LinkedHashMap;
import java.util.Map;

/** A map that keeps at most a fixed number of entries, dropping the least recently used one to make room. */
public final class LruMap<K, V> extends LinkedHashMap<K, V> {
    private static final long serialVersionUID = 1L;

    private final int capacity;

    /** Creates an empty map that will hold at most {@code capacity} entries. */
    public LruMap(int capacity) {
        super(16, 0.75f, true);
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
        }
        this.capacity = capacity;
    }

    @Override
    protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
        return size() > capacity;
    }
}
