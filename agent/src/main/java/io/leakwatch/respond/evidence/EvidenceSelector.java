package io.leakwatch.respond.evidence;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.leakwatch.analysis.Evidence;
import io.leakwatch.config.LeakwatchConfig;

/**
 * Picks, from the old objects a recording sampled, those a suspect keeps alive, and groups them by type and
 * allocation stack, most frequent first. A container site's objects are those whose chain of references passes
 * through the site's field; a heap pool's are all of them.
 */
final class EvidenceSelector {

    private static final String[] PLATFORM_PACKAGES = {"java.", "javax.", "jdk.", "sun.", "com.sun."};

    private EvidenceSelector() {
    }

    /** @param site {@code Owner#field}, or null for a heap pool */
    static List<Evidence> select(List<SampledOldObject> samples, String site) {
        List<SampledOldObject> kept = site == null ? samples : keptBy(samples, site);
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
            evidence.add(new Evidence(group.count, group.first.type(), group.stack, pathOf(group.first)));
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

    private static List<String> pathOf(SampledOldObject sample) {
        List<String> path = new ArrayList<>();
        for (SampledOldObject.Reference step : sample.path()) {
            if (path.size() == LeakwatchConfig.EVIDENCE_MAX_PATH_STEPS) {
                path.add("...");
                break;
            }
            path.add(step.describe());
        }
        if (sample.root() != null && !path.isEmpty()) {
            path.add("root: " + sample.root());
        }
        return path;
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
