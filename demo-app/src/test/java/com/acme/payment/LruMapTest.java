package com.acme.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LruMapTest {

    @Test
    void neverHoldsMoreThanItsCapacity() {
        Map<Integer, String> map = new LruMap<>(100);
        for (int i = 0; i < 10_000; i++) {
            map.put(i, "value " + i);
            assertTrue(map.size() <= 100);
        }
        assertEquals(100, map.size());
        assertTrue(map.containsKey(9_999));
        assertFalse(map.containsKey(9_899));
    }

    @Test
    void evictsTheLeastRecentlyUsedEntryNotTheOldest() {
        Map<String, Integer> map = new LruMap<>(2);
        map.put("a", 1);
        map.put("b", 2);
        map.get("a");
        map.put("c", 3);
        assertTrue(map.containsKey("a"));
        assertFalse(map.containsKey("b"));
        assertTrue(map.containsKey("c"));
    }

    @Test
    void rejectsACapacityBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> new LruMap<String, String>(0));
    }
}
