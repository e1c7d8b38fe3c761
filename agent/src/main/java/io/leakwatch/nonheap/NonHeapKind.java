package io.leakwatch.nonheap;

/** What fills a memory pool outside the heap. */
public enum NonHeapKind {
    /** Class metadata: {@code Metaspace}, {@code Compressed Class Space}; filled by classes that are never unloaded. */
    METASPACE,
    /** Native memory of NIO buffers: the {@code direct} and {@code mapped} buffer pools. */
    DIRECT
}
