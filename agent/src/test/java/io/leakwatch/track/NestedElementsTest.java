package io.leakwatch.track;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class NestedElementsTest {

    private static final int MAX_VALUES = 256;
    private static final int PROBE = 16;

    private final SizeCallWatch watch = new SizeCallWatch(4);
    private final NestedElements nested = new NestedElements(new ContainerReader(watch, System::nanoTime), watch,
            System::nanoTime, MAX_VALUES, PROBE);

    @Test
    void aMapOfListsCountsEveryElementOfEveryList() {
        Map<Integer, List<String>> byCustomer = new HashMap<>();
        long expected = 0;
        for (int i = 0; i < 100; i++) {
            byCustomer.put(i, new ArrayList<>());
            for (int j = 0; j < i; j++) {
                byCustomer.get(i).add("t" + j);
            }
            expected += i;
        }
        NestedElements.PassBudget budget = new NestedElements.PassBudget(1_000);
        assertEquals(expected, nested.count(byCustomer, byCustomer.size(), budget));
        assertEquals(900, budget.valuesLeft());
    }

    @Test
    void aListOfSetsCountsTheSetsElements() {
        List<Object> groups = new ArrayList<>(List.of(java.util.Set.of(1, 2, 3), java.util.Set.of(4), List.of()));
        assertEquals(4, nested.count(groups, groups.size(), new NestedElements.PassBudget(1_000)));
    }

    @Test
    void valuesThatAreNotContainersCountNothingAndAreNotLookedAtPastTheProbe() {
        Map<Integer, String> names = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            names.put(i, "name-" + i);
        }
        NestedElements.PassBudget budget = new NestedElements.PassBudget(1_000_000);
        assertEquals(NestedElements.NO_CONTAINER_VALUES, nested.count(names, names.size(), budget));
        assertEquals(1_000_000 - PROBE, budget.valuesLeft());
    }

    @Test
    void valuesThatAreEmptyContainersCountNoneButAreContainers() {
        Map<Integer, List<String>> groups = new HashMap<>();
        for (int i = 0; i < 10; i++) {
            groups.put(i, new ArrayList<>());
        }
        assertEquals(0, nested.count(groups, groups.size(), new NestedElements.PassBudget(1_000)));
    }

    @Test
    void aLargeMapIsReadFromItsFirstValuesAndScaledToItsSize() {
        Map<Integer, List<Integer>> pairs = new HashMap<>();
        for (int i = 0; i < 1_000_000; i++) {
            pairs.put(i, List.of(i, -i));
        }
        NestedElements.PassBudget budget = new NestedElements.PassBudget(1_000_000);
        assertEquals(2_000_000, nested.count(pairs, pairs.size(), budget));
        assertEquals(1_000_000 - MAX_VALUES, budget.valuesLeft(), "only the first values were looked at");
    }

    @Test
    void aPassWhoseBudgetCannotCoverTheContainerReadsNothingAndSpendsTheRest() {
        Map<Integer, List<Integer>> pairs = new HashMap<>();
        for (int i = 0; i < 1_000; i++) {
            pairs.put(i, List.of(i));
        }
        NestedElements.PassBudget budget = new NestedElements.PassBudget(100);
        assertEquals(NestedElements.NOT_READ, nested.count(pairs, pairs.size(), budget));
        assertTrue(budget.spent());
    }

    @Test
    void valuesOfUnreviewedClassesAreNotCalled() {
        Map<String, Object> mixed = new HashMap<>();
        mixed.put("reviewed", new ArrayList<>(List.of(1, 2, 3)));
        mixed.put("application's own list", new AbstractList<Integer>() {
            @Override
            public Integer get(int index) {
                throw new AssertionError("the agent called the application's list");
            }

            @Override
            public int size() {
                throw new AssertionError("the agent called the application's size()");
            }
        });
        assertEquals(3, nested.count(mixed, mixed.size(), new NestedElements.PassBudget(1_000)));
    }

    @Test
    void aContainerWhoseIterationIsNotReviewedAsSafeIsNotWalked() {
        Hashtable<String, List<Integer>> locked = new Hashtable<>();
        locked.put("a", List.of(1, 2));
        NestedElements.PassBudget budget = new NestedElements.PassBudget(1_000);
        assertEquals(0, nested.count(locked, locked.size(), budget));
        assertEquals(1_000, budget.valuesLeft());
    }

    @Test
    void aClassWhoseWalkTheWatchdogGaveUpOnIsNotWalkedAgain() {
        Map<String, List<Integer>> lists = new HashMap<>(Map.of("a", List.of(1, 2)));
        watch.enter("java.util.HashMap's values", 1);
        assertEquals("java.util.HashMap's values", watch.abandonIfStuck(1 + 10, 10));
        NestedElements.PassBudget budget = new NestedElements.PassBudget(1_000);
        assertEquals(0, nested.count(lists, lists.size(), budget));
        assertEquals(1_000, budget.valuesLeft());
        assertEquals(2, nested.count(new TreeMap<>(lists), lists.size(), budget), "other classes are still walked");
    }
}
