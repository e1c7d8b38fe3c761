package io.leakwatch.analysis;

import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/** One change of state of one container site or memory pool; a field that does not apply is null. */
public final class Alert {

    private final Instant time;
    private final Severity severity;
    private final AlertKind kind;
    private final int siteId;
    private final String site;
    private final String pool;
    private final String type;
    private final Long size;
    private final Double growthPerMin;
    private final Long estimatedBytes;
    private final Long heapUsedAfterGc;
    private final Long heapMax;
    private final Double secondsToExhaustion;
    private final List<Evidence> evidence;
    private final String heapDump;
    private final Long loadedClasses;
    private final Long unloadedClasses;

    private Alert(Builder builder) {
        this.time = builder.time;
        this.severity = builder.severity;
        this.kind = builder.kind;
        this.siteId = builder.siteId;
        this.site = builder.site;
        this.pool = builder.pool;
        this.type = builder.type;
        this.size = builder.size;
        this.growthPerMin = builder.growthPerMin;
        this.estimatedBytes = builder.estimatedBytes;
        this.heapUsedAfterGc = builder.heapUsedAfterGc;
        this.heapMax = builder.heapMax;
        this.secondsToExhaustion = builder.secondsToExhaustion;
        this.evidence = builder.evidence == null ? null : List.copyOf(builder.evidence);
        this.heapDump = builder.heapDump;
        this.loadedClasses = builder.loadedClasses;
        this.unloadedClasses = builder.unloadedClasses;
    }

    public static Builder builder(Instant time, Severity severity, AlertKind kind) {
        return new Builder(time, severity, kind);
    }

    public Instant time() {
        return time;
    }

    public Severity severity() {
        return severity;
    }

    public AlertKind kind() {
        return kind;
    }

    /**
     * The agent's id of a container's site, so that the pass can measure the site the alert is about; -1 for a
     * pool. Not an interface field: sinks never write it.
     */
    public int siteId() {
        return siteId;
    }

    /** {@code Owner#field}, for a container. */
    public String site() {
        return site;
    }

    /** The pool that fills, for the heap. */
    public String pool() {
        return pool;
    }

    /** Runtime class of the container. */
    public String type() {
        return type;
    }

    public Long size() {
        return size;
    }

    /** Elements per minute for a container, bytes per minute for the heap. */
    public Double growthPerMin() {
        return growthPerMin;
    }

    public Long estimatedBytes() {
        return estimatedBytes;
    }

    public Long heapUsedAfterGc() {
        return heapUsedAfterGc;
    }

    public Long heapMax() {
        return heapMax;
    }

    public Double secondsToExhaustion() {
        return secondsToExhaustion;
    }

    /** Where the suspect's entries come from, most frequent first; null until a follow-up alert adds it. */
    public List<Evidence> evidence() {
        return evidence;
    }

    /** Path of the heap dump written for this alert; null unless a follow-up alert adds it. */
    public String heapDump() {
        return heapDump;
    }

    /** Subject of the alert's lifecycle: the site for a container, the pool otherwise. */
    public String subject() {
        return site != null ? site : pool;
    }

    /** A builder holding every field of this alert, to repeat it with evidence or a heap dump added. */
    public Builder amend() {
        Builder copy = new Builder(time, severity, kind);
        copy.siteId = siteId;
        copy.site = site;
        copy.pool = pool;
        copy.type = type;
        copy.size = size;
        copy.growthPerMin = growthPerMin;
        copy.estimatedBytes = estimatedBytes;
        copy.heapUsedAfterGc = heapUsedAfterGc;
        copy.heapMax = heapMax;
        copy.secondsToExhaustion = secondsToExhaustion;
        copy.evidence = evidence;
        copy.heapDump = heapDump;
        copy.loadedClasses = loadedClasses;
        copy.unloadedClasses = unloadedClasses;
        return copy;
    }

    /** For {@code metaspace}: classes loaded now; for the human line only, not an interface field. */
    public Long loadedClasses() {
        return loadedClasses;
    }

    /** For {@code metaspace}: classes unloaded since the JVM started; for the human line only. */
    public Long unloadedClasses() {
        return unloadedClasses;
    }

    /** Assembles an alert field by field. */
    public static final class Builder {

        private static final int SECONDS_PER_MINUTE = 60;

        private final Instant time;
        private final Severity severity;
        private final AlertKind kind;
        private int siteId = -1;
        private String site;
        private String pool;
        private String type;
        private Long size;
        private Double growthPerMin;
        private Long estimatedBytes;
        private Long heapUsedAfterGc;
        private Long heapMax;
        private Double secondsToExhaustion;
        private List<Evidence> evidence;
        private String heapDump;
        private Long loadedClasses;
        private Long unloadedClasses;

        private Builder(Instant time, Severity severity, AlertKind kind) {
            this.time = time;
            this.severity = severity;
            this.kind = kind;
        }

        public Builder siteId(int value) {
            this.siteId = value;
            return this;
        }

        public Builder site(String value) {
            this.site = value;
            return this;
        }

        public Builder pool(String value) {
            this.pool = value;
            return this;
        }

        public Builder type(String value) {
            this.type = value;
            return this;
        }

        public Builder size(long value) {
            this.size = value;
            return this;
        }

        public Builder growthPerMin(double value) {
            this.growthPerMin = value;
            return this;
        }

        /**
         * The analysis keeps rates per second; the interface states them per minute. This is the one
         * place that converts.
         */
        Builder growthPerSecond(double value) {
            return growthPerMin(value * SECONDS_PER_MINUTE);
        }

        public Builder estimatedBytes(long value) {
            this.estimatedBytes = value;
            return this;
        }

        /** The pool that fills: its live bytes after GC, its maximum and, if rising, when it is full. */
        public Builder heap(HeapProjection projection) {
            this.heapUsedAfterGc = projection.usedAfterGc();
            this.heapMax = projection.max();
            this.secondsToExhaustion = projection.secondsToExhaustion().isPresent()
                    ? projection.secondsToExhaustion().getAsDouble() : null;
            return this;
        }

        /**
         * A pool outside the heap: its bytes used now and, when the JVM enforces a limit on it, that limit
         * and the projected seconds until it is reached.
         */
        public Builder usage(long usedNow, OptionalLong limit, OptionalDouble secondsToExhaustion) {
            this.heapUsedAfterGc = usedNow;
            this.heapMax = limit.isPresent() ? limit.getAsLong() : null;
            this.secondsToExhaustion = secondsToExhaustion.isPresent() ? secondsToExhaustion.getAsDouble() : null;
            return this;
        }

        public Builder classes(long loaded, long unloaded) {
            this.loadedClasses = loaded;
            this.unloadedClasses = unloaded;
            return this;
        }

        public Builder evidence(List<Evidence> value) {
            this.evidence = value;
            return this;
        }

        public Builder heapDump(String path) {
            this.heapDump = path;
            return this;
        }

        public Alert build() {
            return new Alert(this);
        }
    }
}
