package io.leakwatch.track;

/**
 * Thrown on a sampler thread whose size() call returned after the watchdog had given up on it: a
 * replacement thread samples by now, so this one ends its pass without touching shared state.
 */
public final class AbandonedSamplerPass extends RuntimeException {

    private static final long serialVersionUID = 1L;

    static final AbandonedSamplerPass INSTANCE = new AbandonedSamplerPass();

    private AbandonedSamplerPass() {
        super("this sampler thread was replaced while it waited on a size() call", null, false, false);
    }
}
