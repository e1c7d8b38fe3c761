package io.leakwatch.respond.evidence;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.leakwatch.analysis.Evidence;
import io.leakwatch.config.LeakwatchConfig;

/**
 * Picks, from the old objects a recording sampled, those a suspect keeps alive, and groups them by type and
 * allocation stack, most frequent first. A container site's objects are those whose chain of references passes
 * through the site's field; a heap pool's are all of them. For a container, the application class of its entries
 * (the first object below the JDK's own nodes and arrays on those chains) comes first, with the stack the
 * allocation samples found it made at: the line that adds to the container, as a rule.
 */
final class EvidenceSelector {

    private static final String[] PLATFORM_PACKAGES = {"java.", "javax.", "jdk.", "sun.", "com.sun."};

    private EvidenceSelector() {
    }

    /** @param site {@code Owner#field}, or null for a heap pool */
    static List<Evidence> select(List<SampledOldObject> samples, List<AllocationSample> allocations, String site) {
        List<SampledOldObject> kept = site == null ? samples : keptBy(samples, site);
        List<Evidence> evidence = new ArrayList<>();
        Optional<Evidence> entries = site == null ? Optional.empty() : entriesMadeAt(kept, allocations, site);
        entries.ifPresent(evidence::add);
        for (Evidence group : byTypeAndStack(kept)) {
            // Entries sampled as old objects are in the entries' piece already.
            if (entries.isEmpty() || !group.type().equals(entries.get().type())
                    || !group.stack().equals(entries.get().stack())) {
                evidence.add(group);
            }
        }
        // Most frequent first, as the interface says; a stable sort keeps the entries first on a tie.
        evidence.sort((a, b) -> Long.compare(b.count(), a.count()));
        return evidence.subList(0, Math.min(evidence.size(), LeakwatchConfig.EVIDENCE_MAX_STACKS));
    }

    /**
     * The application class of a container site's entries when the allocation samples have not yet caught one being
     * made (a small object among big ones is sampled rarely), so that the recording of allocations can go on until
     * one is; null when there is no such class or its allocation was sampled.
     */
    static String entryTypeNotYetSampled(List<SampledOldObject> samples, List<AllocationSample> allocations,
            String site) {
        List<SampledOldObject> kept = keptBy(samples, site);
        Optional<String> entryType = mostFrequentEntryType(kept, site);
        return entryType.isPresent() && entriesMadeAt(kept, allocations, site).isEmpty() ? entryType.get() : null;
    }

    /**
     * The most frequent application class of the entries, with its most frequent allocation stack, counted as the
     * sampled old objects such entries keep alive; empty if no allocation of it was sampled.
     */
    private static Optional<Evidence> entriesMadeAt(List<SampledOldObject> kept, List<AllocationSample> allocations,
            String site) {
        Optional<String> entryType = mostFrequentEntryType(kept, site);
        if (entryType.isEmpty()) {
            return Optional.empty();
        }
        String field = fieldOf(site);
        Map<List<String>, Long> stacks = new HashMap<>();
        List<String> path = null;
        long keptByEntries = 0;
        for (SampledOldObject sample : kept) {
            EntryStep entry = entryOf(sample, field);
            if (sample.type().equals(entryType.get())) {
                // An entry sampled as an old object carries its own allocation stack.
                stacks.merge(stackToShow(sample.stack()), 1L, Long::sum);
            }
            if (entry != null && entry.type.equals(entryType.get())) {
                keptByEntries++;
                if (path == null) {
                    path = describe(sample.path().subList(entry.firstStep, sample.path().size()), sample.root());
                }
            }
        }
        for (AllocationSample allocation : allocations) {
            if (allocation.type().equals(entryType.get())) {
                stacks.merge(stackToShow(allocation.stack()), allocation.count(), Long::sum);
            }
        }
        // Counted as the sampled old objects those entries keep alive, so that it ranks with the groups below.
        long count = keptByEntries;
        List<String> entryPath = path;
        return stacks.entrySet().stream().max(Map.Entry.comparingByValue())
                .map(top -> new Evidence(count, entryType.get(), top.getKey(), entryPath));
    }

    private static Optional<String> mostFrequentEntryType(List<SampledOldObject> kept, String site) {
        String field = fieldOf(site);
        Map<String, Integer> entryCounts = new LinkedHashMap<>();
        for (SampledOldObject sample : kept) {
            EntryStep entry = entryOf(sample, field);
            if (entry != null && !isPlatformClass(entry.type)) {
                entryCounts.merge(entry.type, 1, Integer::sum);
            }
        }
        return entryCounts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey);
    }

    private static String fieldOf(String site) {
        return site.substring(site.indexOf('#') + 1);
    }

    /**
     * Where the entry sits on a sample's chain: going down from the site's field past the JDK's own holders (the
     * map, its table, its nodes), the first object that is not one of them.
     */
    private static EntryStep entryOf(SampledOldObject sample, String field) {
        List<SampledOldObject.Reference> path = sample.path();
        int site = -1;
        for (int i = 0; i < path.size() && site < 0; i++) {
            if (field.equals(path.get(i).field())) {
                site = i;
            }
        }
        int below = site - 1;
        while (below >= 0 && isPlatformClass(path.get(below).holder())) {
            below--;
        }
        int firstStep = below + 1;
        if (site < 0 || firstStep == site) {
            return null;
        }
        return new EntryStep(firstStep == 0 ? sample.type() : path.get(firstStep - 1).holder(), firstStep);
    }

    /** A class of the JDK, or an array or primitive type: no application's entry. */
    static boolean isPlatformClass(String name) {
        return name.indexOf('.') < 0 || isPlatform(name);
    }

    private static List<Evidence> byTypeAndStack(List<SampledOldObject> kept) {
        Map<String, Group> groups = new LinkedHashMap<>();
        for (SampledOldObject sample : kept) {
            List<String> stack = stackToShow(sample.stack());
            groups.computeIfAbsent(sample.type() + "\n" + String.join("\n", stack), key -> new Group(sample, stack))
                    .count++;
        }
        List<Group> ranked = new ArrayList<>(groups.values());
        ranked.sort((a, b) -> Long.compare(b.count, a.count));
        List<Evidence> evidence = new ArrayList<>();
        for (Group group : ranked.subList(0, Math.min(ranked.size(), LeakwatchConfig.EVIDENCE_MAX_STACKS))) {
            evidence.add(new Evidence(group.count, group.first.type(), group.stack,
                    describe(group.first.path(), group.first.root())));
        }
        return evidence;
    }

    /**
     * The objects whose chain runs through {@code Owner.field}; if none does by that owner (the field was read
     * through a subclass, or the chain was cut short), those that pass through a field of that name at all.
     */
    private static List<SampledOldObject> keptBy(List<SampledOldObject> samples, String site) {
        int hash = site.indexOf('#');
        String owner = site.substring(0, hash);
        String field = site.substring(hash + 1);
        List<SampledOldObject> exact = new ArrayList<>();
        List<SampledOldObject> byName = new ArrayList<>();
        for (SampledOldObject sample : samples) {
            boolean named = false;
            boolean owned = false;
            for (SampledOldObject.Reference step : sample.path()) {
                if (field.equals(step.field())) {
                    named = true;
                    owned |= owner.equals(step.holder());
                }
            }
            if (owned) {
                exact.add(sample);
            } else if (named) {
                byName.add(sample);
            }
        }
        return exact.isEmpty() ? byName : exact;
    }

    /**
     * From the first frame of code outside the JDK, with the one JDK call just below it ({@code HashMap.put},
     * say) so that the line shown is the line that adds to the container; at most a few frames.
     */
    static List<String> stackToShow(List<String> stack) {
        int firstApplicationFrame = 0;
        while (firstApplicationFrame < stack.size() && isPlatform(stack.get(firstApplicationFrame))) {
            firstApplicationFrame++;
        }
        int from = firstApplicationFrame == stack.size() ? 0 : Math.max(0, firstApplicationFrame - 1);
        return stack.subList(from, Math.min(stack.size(), from + LeakwatchConfig.EVIDENCE_FRAMES));
    }

    private static boolean isPlatform(String frame) {
        for (String prefix : PLATFORM_PACKAGES) {
            if (frame.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> describe(List<SampledOldObject.Reference> steps, String root) {
        List<String> path = new ArrayList<>();
        for (SampledOldObject.Reference step : steps) {
            if (path.size() == LeakwatchConfig.EVIDENCE_MAX_PATH_STEPS) {
                path.add("...");
                break;
            }
            path.add(step.describe());
        }
        if (root != null && !path.isEmpty()) {
            path.add("root: " + root);
        }
        return path;
    }

    /** The type of a chain's entry, and the index of the step that holds it. */
    private static final class EntryStep {
        final String type;
        final int firstStep;

        EntryStep(String type, int firstStep) {
            this.type = type;
            this.firstStep = firstStep;
        }
    }

    /** Samples of one type allocated at one stack. */
    private static final class Group {
        final SampledOldObject first;
        final List<String> stack;
        long count;

        Group(SampledOldObject first, List<String> stack) {
            this.first = first;
            this.stack = stack;
        }
    }
}
