package io.leakwatch.instrument;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Names every instrumented field ({@code Owner#field}) with a small int, so that the inserted bytecode
 * pushes a constant instead of a string. Bounded: past {@code capacity} a field is not instrumented.
 */
public final class SiteTable {

    /** Returned when the table is full; the caller leaves the field alone. */
    public static final int NO_SITE = -1;

    private final ConcurrentHashMap<String, Integer> idsByName = new ConcurrentHashMap<>();
    private final AtomicReferenceArray<String> namesById;
    /** Read and written under the table's lock only. */
    private int nextId;
    private final AtomicLong refusedSites = new AtomicLong();

    public SiteTable(int capacity) {
        this.namesById = new AtomicReferenceArray<>(capacity);
    }

    /** The id of the site {@code owner#field}, assigning one on first sight, or {@link #NO_SITE}. */
    public int idOf(String ownerBinaryName, String fieldName) {
        String name = ownerBinaryName + '#' + fieldName;
        Integer known = idsByName.get(name);
        if (known != null) {
            return known;
        }
        return assign(name);
    }

    /**
     * Under the table's lock, which only class loading with a new field takes. Not computeIfAbsent: a method
     * reference's first use would cost the first watched class to load a millisecond.
     */
    private synchronized int assign(String name) {
        Integer known = idsByName.get(name);
        if (known != null) {
            return known;
        }
        int id = nextId;
        if (id >= namesById.length()) {
            refusedSites.incrementAndGet();
            return NO_SITE;
        }
        namesById.set(id, name);
        idsByName.put(name, id);
        nextId = id + 1;
        return id;
    }

    /** The {@code Owner#field} name of a site id handed out earlier. */
    public String nameOf(int siteId) {
        return namesById.get(siteId);
    }

    /** Field writes left uninstrumented because the table was full. */
    public long refusedSites() {
        return refusedSites.get();
    }
}
