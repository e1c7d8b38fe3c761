package io.leakwatch.report;

import java.util.ArrayList;
import java.util.List;

/** The samples of one container site, in the order read. */
public final class SiteSamples {

    private final String site;
    private String type;
    private final List<Point> sizes = new ArrayList<>();
    private final List<Point> estimatedBytes = new ArrayList<>();

    SiteSamples(String site) {
        this.site = site;
    }

    void add(long timeMillis, String sampledType, long size, Double estimated) {
        if (sampledType != null) {
            type = sampledType;
        }
        sizes.add(new Point(timeMillis, size));
        if (estimated != null) {
            estimatedBytes.add(new Point(timeMillis, estimated));
        }
    }

    public String site() {
        return site;
    }

    /** The latest type sampled; null if none was. */
    public String type() {
        return type;
    }

    public List<Point> sizes() {
        return sizes;
    }

    /** Only the samples that carried an estimate. */
    public List<Point> estimatedBytes() {
        return estimatedBytes;
    }

    /** Net growth from the first sample to the last, in elements. */
    double netGrowth() {
        return sizes.isEmpty() ? 0 : sizes.get(sizes.size() - 1).value() - sizes.get(0).value();
    }
}
