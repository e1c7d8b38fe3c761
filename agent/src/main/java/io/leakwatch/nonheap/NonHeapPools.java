package io.leakwatch.nonheap;

import java.lang.management.BufferPoolMXBean;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import io.leakwatch.log.SuppressedErrors;
import io.leakwatch.log.SuppressedErrors.Source;

/**
 * Reads, at every sampler pass, the pools outside the heap whose exhaustion is an {@code OutOfMemoryError}:
 * class metadata ({@code Metaspace}, {@code Compressed Class Space}) with the JVM's class counts, and the
 * {@code direct} and {@code mapped} buffer pools. Reading them is a few JMX getters on the sampler thread;
 * a pool that cannot be read costs its own reading only, and is counted.
 */
public final class NonHeapPools {

    private static final List<String> CLASS_METADATA_POOLS = List.of("Metaspace", "Compressed Class Space");
    /** Only these two: the JDK's {@code mapped - 'non-volatile memory'} pool is mapped persistent memory. */
    private static final List<String> BUFFER_POOLS = List.of("direct", "mapped");

    private final List<MemoryPoolMXBean> metadataPools;
    private final List<BufferPoolMXBean> bufferPools;
    private final ClassLoadingMXBean classLoading;
    private final LongSupplier classUnloadingCollections;
    private final long directLimit;

    private NonHeapPools(List<MemoryPoolMXBean> metadataPools, List<BufferPoolMXBean> bufferPools,
            ClassLoadingMXBean classLoading, LongSupplier classUnloadingCollections, long directLimit) {
        this.metadataPools = metadataPools;
        this.bufferPools = bufferPools;
        this.classLoading = classLoading;
        this.classUnloadingCollections = classUnloadingCollections;
        this.directLimit = directLimit;
    }

    /**
     * Finds this JVM's pools; those it does not have (another VM) are simply not watched.
     *
     * @param classUnloadingCollections how many collections that unload classes the JVM has run so far
     */
    public static NonHeapPools ofThisJvm(LongSupplier classUnloadingCollections) {
        List<MemoryPoolMXBean> metadata = new ArrayList<>();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.NON_HEAP && CLASS_METADATA_POOLS.contains(pool.getName())) {
                metadata.add(pool);
            }
        }
        List<BufferPoolMXBean> buffers = new ArrayList<>();
        for (BufferPoolMXBean pool : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if (BUFFER_POOLS.contains(pool.getName())) {
                buffers.add(pool);
            }
        }
        return new NonHeapPools(List.copyOf(metadata), List.copyOf(buffers), ManagementFactory.getClassLoadingMXBean(),
                classUnloadingCollections, DirectMemoryLimit.read());
    }

    /** Every watched pool's usage now. */
    public List<NonHeapReading> read(long nowMillis) {
        List<NonHeapReading> readings = new ArrayList<>(metadataPools.size() + bufferPools.size());
        for (MemoryPoolMXBean pool : metadataPools) {
            try {
                // A pool without MaxMetaspaceSize reports a maximum of -1: no limit. The JVM throws when what it
                // has committed, not what is used, reaches the maximum.
                MemoryUsage usage = pool.getUsage();
                readings.add(new NonHeapReading(NonHeapKind.METASPACE, pool.getName(), nowMillis, usage.getUsed(),
                        usage.getCommitted(), usage.getMax() > 0 ? usage.getMax() : NonHeapReading.NO_LIMIT,
                        classLoading.getLoadedClassCount(), classLoading.getUnloadedClassCount(),
                        classUnloadingCollections.getAsLong()));
            } catch (RuntimeException unreadable) {
                SuppressedErrors.count(Source.SAMPLER_PASS);
            }
        }
        for (BufferPoolMXBean pool : bufferPools) {
            try {
                // Only direct buffers count against MaxDirectMemorySize; mapped files are bounded by address space.
                long limit = "direct".equals(pool.getName()) ? directLimit : NonHeapReading.NO_LIMIT;
                readings.add(NonHeapReading.buffers(pool.getName(), nowMillis, pool.getMemoryUsed(), limit));
            } catch (RuntimeException unreadable) {
                SuppressedErrors.count(Source.SAMPLER_PASS);
            }
        }
        return readings;
    }
}
