package io.leakwatch.track;

/** The largest live container of one site at one sampler pass. */
public final class ContainerSample {

    private final int siteId;
    private final long size;
    private final String typeName;

    public ContainerSample(int siteId, long size, String typeName) {
        this.siteId = siteId;
        this.size = size;
        this.typeName = typeName;
    }

    public int siteId() {
        return siteId;
    }

    /** Elements in the site's largest live container; 0 when its containers were all collected. */
    public long size() {
        return size;
    }

    /** Runtime class of that container, e.g. {@code java.util.HashMap}; null when none is alive. */
    public String typeName() {
        return typeName;
    }
}
