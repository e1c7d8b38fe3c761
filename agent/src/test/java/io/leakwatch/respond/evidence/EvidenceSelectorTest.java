package io.leakwatch.respond.evidence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.leakwatch.analysis.Evidence;
import io.leakwatch.respond.evidence.SampledOldObject.Reference;

class EvidenceSelectorTest {

    private static final String ADD = "com.acme.Ledger.record(Ledger.java:30)";
    private static final String HANDLE = "com.acme.Handler.handle(Handler.java:12)";

    private static SampledOldObject kept(String type, List<String> stack, String holder, String field) {
        return new SampledOldObject(type, stack, List.of(
                new Reference("java.util.HashMap$Node", "value", false, -1, 0),
                new Reference("java.util.HashMap$Node[]", null, false, 7, 0),
                new Reference("java.util.HashMap", "table", false, -1, 0),
                new Reference(holder, field, false, -1, 0)), "Threads / Stack Variable (Thread Name: main)");
    }

    @Test
    void onlyWhatTheSitesFieldKeepsAliveMostFrequentFirst() {
        List<SampledOldObject> samples = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            samples.add(kept("com.acme.Payment", List.of(ADD, HANDLE), "com.acme.Ledger", "entries"));
        }
        samples.add(kept("java.util.HashMap$Node",
                List.of("java.util.HashMap.newNode(HashMap.java:1)", "java.util.HashMap.putVal(HashMap.java:2)",
                        "java.util.HashMap.put(HashMap.java:3)", ADD, HANDLE), "com.acme.Ledger", "entries"));
        for (int i = 0; i < 5; i++) {
            samples.add(kept("byte[]", List.of("com.acme.Quotes.remember(Quotes.java:9)", HANDLE),
                    "com.acme.Quotes", "recent"));
        }

        List<Evidence> evidence = EvidenceSelector.select(samples, List.of(), "com.acme.Ledger#entries");

        assertEquals(2, evidence.size());
        assertEquals(3, evidence.get(0).count());
        assertEquals("com.acme.Payment", evidence.get(0).type());
        assertEquals(List.of(ADD, HANDLE), evidence.get(0).stack());
        assertEquals(List.of("java.util.HashMap.put(HashMap.java:3)", ADD, HANDLE), evidence.get(1).stack(),
                "the JDK call that adds, then the application's frames");
        assertEquals(List.of("java.util.HashMap$Node.value", "java.util.HashMap$Node[][7]", "java.util.HashMap.table",
                "com.acme.Ledger.entries", "root: Threads / Stack Variable (Thread Name: main)"), evidence.get(0).path());
    }

    @Test
    void theEntriesComeFirstWithTheLineThatMadeThem() {
        List<SampledOldObject> samples = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            // Big arrays inside the entries are what the old-object sampler favours.
            samples.add(new SampledOldObject("float[]", List.of("com.acme.Model.features(Model.java:5)", HANDLE),
                    List.of(new Reference("com.acme.Payment", "features", false, -1, 0),
                            new Reference("java.util.HashMap$Node", "value", false, -1, 0),
                            new Reference("java.util.HashMap$Node[]", null, false, 3, 0),
                            new Reference("java.util.HashMap", "table", false, -1, 0),
                            new Reference("com.acme.Ledger", "entries", false, -1, 0)), null));
        }
        List<AllocationSample> allocations = List.of(
                new AllocationSample("com.acme.Payment", List.of(ADD, HANDLE), 2),
                new AllocationSample("com.acme.Payment", List.of("com.acme.Other.make(Other.java:1)"), 1),
                new AllocationSample("byte[]", List.of(ADD, HANDLE), 9));

        List<Evidence> evidence = EvidenceSelector.select(samples, allocations, "com.acme.Ledger#entries");

        assertEquals(2, evidence.size());
        assertEquals("com.acme.Payment", evidence.get(0).type());
        assertEquals(4, evidence.get(0).count(), "the sampled objects the Payment entries keep alive");
        assertEquals(List.of(ADD, HANDLE), evidence.get(0).stack());
        assertEquals(List.of("java.util.HashMap$Node.value", "java.util.HashMap$Node[][3]", "java.util.HashMap.table",
                "com.acme.Ledger.entries"), evidence.get(0).path());
        assertEquals("float[]", evidence.get(1).type());
        assertEquals(4, evidence.get(1).count());
    }

    @Test
    void anEntryClassWhoseAllocationWasNotSampledIsNamedSoThatTheRecordingGoesOn() {
        List<SampledOldObject> samples = List.of(new SampledOldObject("float[]",
                List.of("com.acme.Model.features(Model.java:5)", HANDLE),
                List.of(new Reference("com.acme.Payment", "features", false, -1, 0),
                        new Reference("java.util.HashMap$Node", "value", false, -1, 0),
                        new Reference("java.util.HashMap", "table", false, -1, 0),
                        new Reference("com.acme.Ledger", "entries", false, -1, 0)), null));
        String site = "com.acme.Ledger#entries";

        assertEquals("com.acme.Payment", EvidenceSelector.entryTypeNotYetSampled(samples,
                List.of(new AllocationSample("float[]", List.of(HANDLE), 40)), site));
        assertEquals(null, EvidenceSelector.entryTypeNotYetSampled(samples,
                List.of(new AllocationSample("com.acme.Payment", List.of(ADD, HANDLE), 1)), site));
        List<SampledOldObject> withAnEntry = new ArrayList<>(samples);
        withAnEntry.add(new SampledOldObject("com.acme.Payment", List.of(ADD, HANDLE),
                List.of(new Reference("java.util.HashMap$Node", "value", false, -1, 0),
                        new Reference("java.util.HashMap", "table", false, -1, 0),
                        new Reference("com.acme.Ledger", "entries", false, -1, 0)), null));
        assertEquals(null, EvidenceSelector.entryTypeNotYetSampled(withAnEntry, List.of(), site),
                "an entry sampled as an old object carries its allocation stack");
        assertEquals(List.of(ADD, HANDLE), EvidenceSelector.select(withAnEntry, List.of(), site).get(0).stack());
        assertEquals(null, EvidenceSelector.entryTypeNotYetSampled(samples, List.of(), "com.acme.Quotes#recent"),
                "nothing kept by that field: no entry class to look for");
    }

    @Test
    void aFieldReachedThroughASubclassStillMatchesByName() {
        List<SampledOldObject> samples = List.of(
                kept("com.acme.Payment", List.of(ADD), "com.acme.SpecialLedger", "entries"));
        assertEquals(1, EvidenceSelector.select(samples, List.of(), "com.acme.Ledger#entries").size());
        assertTrue(EvidenceSelector.select(samples, List.of(), "com.acme.Ledger#other").isEmpty());
    }

    @Test
    void aHeapPoolTakesEverySample() {
        List<SampledOldObject> samples = List.of(
                kept("com.acme.Payment", List.of(ADD), "com.acme.Ledger", "entries"),
                new SampledOldObject("byte[]", List.of(HANDLE), List.of(), null));
        List<Evidence> evidence = EvidenceSelector.select(samples, List.of(), null);
        assertEquals(2, evidence.size());
        assertTrue(evidence.get(1).path().isEmpty(), "no path was searched for it");
    }

    @Test
    void arrayTypesReadAsInSource() {
        assertEquals("byte[]", EvidenceRecording.readableName("[B"));
        assertEquals("java.lang.String[][]", EvidenceRecording.readableName("[[Ljava.lang.String;"));
        assertEquals("com.acme.Payment", EvidenceRecording.readableName("com.acme.Payment"));
    }
}
