package io.leakwatch.track;

import java.util.OptionalLong;

/**
 * One site's latest retained-bytes estimate and when it was last taken or tried: part of what the sampler thread
 * keeps per site ({@link SiteReadState}), read and written only there.
 */
public final class SiteEstimate {

    private static final long NONE = -1;
    private static final long NEVER = Long.MIN_VALUE;

    private long bytes = NONE;
    private long takenAtMillis = NEVER;

    /** Whether an estimate was taken or tried at all, and if so whether it is older than {@code periodMillis}. */
    boolean isDue(long nowMillis, long periodMillis) {
        return takenAtMillis == NEVER || nowMillis - takenAtMillis >= periodMillis;
    }

    /** An estimate was taken or tried now; a failed one leaves the latest value as it was. */
    void taken(long nowMillis, OptionalLong estimate) {
        takenAtMillis = nowMillis;
        if (estimate.isPresent()) {
            bytes = estimate.getAsLong();
        }
    }

    boolean takenAt(long nowMillis) {
        return takenAtMillis == nowMillis;
    }

    /** The latest estimate, however old; empty if none ever succeeded. */
    OptionalLong latest() {
        return bytes == NONE ? OptionalLong.empty() : OptionalLong.of(bytes);
    }
}
