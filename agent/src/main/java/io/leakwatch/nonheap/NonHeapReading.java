package io.leakwatch.nonheap;

/**
 * One memory pool outside the heap as read at one sampler pass: bytes used then, bytes charged against the
 * limit and, where the JVM enforces one, the limit at which it throws {@code OutOfMemoryError}. For class
 * metadata, also the JVM's class counts, which tell a class-loader leak (classes loaded, none unloaded)
 * from other growth, and how many collections that unload classes the JVM has run.
 */
public final class NonHeapReading {

    /** The pool has no limit of its own (Metaspace without {@code MaxMetaspaceSize}, mapped buffers). */
    public static final long NO_LIMIT = -1;
    /** Class counts do not apply (buffer pools). */
    public static final long NO_COUNT = -1;

    private final NonHeapKind kind;
    private final String pool;
    private final long timeMillis;
    private final long used;
    private final long charged;
    private final long limit;
    private final long loadedClasses;
    private final long unloadedClasses;
    private final long classUnloadingCollections;

    /** A buffer pool: what it uses is what counts against its limit. */
    public static NonHeapReading buffers(String pool, long timeMillis, long used, long limit) {
        return new NonHeapReading(NonHeapKind.DIRECT, pool, timeMillis, used, used, limit, NO_COUNT, NO_COUNT, NO_COUNT);
    }

    /**
     * @param charged              bytes counted against the limit: for class metadata, the memory committed,
     *                             which small class loaders' half-used chunks make much more than what is used
     * @param classUnloadingCollections collections that unload classes the JVM has run so far, or {@link #NO_COUNT}
     */
    public NonHeapReading(NonHeapKind kind, String pool, long timeMillis, long used, long charged, long limit,
            long loadedClasses, long unloadedClasses, long classUnloadingCollections) {
        this.kind = kind;
        this.pool = pool;
        this.timeMillis = timeMillis;
        this.used = used;
        this.charged = charged;
        this.limit = limit;
        this.loadedClasses = loadedClasses;
        this.unloadedClasses = unloadedClasses;
        this.classUnloadingCollections = classUnloadingCollections;
    }

    public NonHeapKind kind() {
        return kind;
    }

    /** As the JVM names it: {@code Metaspace}, {@code Compressed Class Space}, {@code direct}, {@code mapped}. */
    public String pool() {
        return pool;
    }

    public long timeMillis() {
        return timeMillis;
    }

    /** Bytes in use now. */
    public long used() {
        return used;
    }

    /** Bytes that count against the limit: what the pool grows and is projected by. */
    public long charged() {
        return charged;
    }

    /** Bytes at which the JVM throws {@code OutOfMemoryError}, or {@link #NO_LIMIT}. */
    public long limit() {
        return limit;
    }

    public boolean hasLimit() {
        return limit > 0;
    }

    /** Classes loaded now, or {@link #NO_COUNT}. */
    public long loadedClasses() {
        return loadedClasses;
    }

    /** Classes unloaded since the JVM started, or {@link #NO_COUNT}. */
    public long unloadedClasses() {
        return unloadedClasses;
    }

    /** Collections that unload classes the JVM has run so far, or {@link #NO_COUNT}. */
    public long classUnloadingCollections() {
        return classUnloadingCollections;
    }
}
