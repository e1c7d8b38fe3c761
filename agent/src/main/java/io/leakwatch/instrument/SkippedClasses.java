package io.leakwatch.instrument;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ObjLongConsumer;

/** Classes left unchanged on purpose although they might have held watched fields, counted by reason and exported. */
public final class SkippedClasses {

    private final AtomicLong bridgeNotVisible = new AtomicLong();
    private final AtomicLong unnamed = new AtomicLong();

    /** A class of a watched package whose loader cannot see the bridge. */
    void bridgeNotVisible() {
        bridgeNotVisible.incrementAndGet();
    }

    /** A class defined without a name, which cannot be matched to the watched packages. */
    void unnamed() {
        unnamed.incrementAndGet();
    }

    public long bridgeNotVisibleCount() {
        return bridgeNotVisible.get();
    }

    public long unnamedCount() {
        return unnamed.get();
    }

    /** Hands each reason, as the metric's {@code reason} attribute, and its count to {@code reader}. */
    public void read(ObjLongConsumer<String> reader) {
        reader.accept("bridge_not_visible", bridgeNotVisible.get());
        reader.accept("unnamed", unnamed.get());
    }
}
