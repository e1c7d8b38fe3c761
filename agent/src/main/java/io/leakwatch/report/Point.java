package io.leakwatch.report;

/** One sampled value at one time. */
public final class Point {

    private final long timeMillis;
    private final double value;

    public Point(long timeMillis, double value) {
        this.timeMillis = timeMillis;
        this.value = value;
    }

    public long timeMillis() {
        return timeMillis;
    }

    public double value() {
        return value;
    }
}
