package io.leakwatch.nonheap;

import java.lang.management.ManagementFactory;

import com.sun.management.HotSpotDiagnosticMXBean;

/**
 * The most direct buffers may reserve before {@code ByteBuffer.allocateDirect} throws
 * {@code OutOfMemoryError: Direct buffer memory}: {@code -XX:MaxDirectMemorySize} when set, else, as the
 * class library itself decides, the heap's maximum. Read from the VM option, since the class library's own
 * figure lives in JDK internals the agent does not open.
 */
final class DirectMemoryLimit {

    private DirectMemoryLimit() {
    }

    /** The limit in bytes, or {@link NonHeapReading#NO_LIMIT} when it cannot be read. */
    static long read() {
        try {
            HotSpotDiagnosticMXBean diagnostic = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            long configured = Long.parseLong(diagnostic.getVMOption("MaxDirectMemorySize").getValue());
            return configured > 0 ? configured : Runtime.getRuntime().maxMemory();
        } catch (RuntimeException notHotSpot) {
            // Another VM, or the option renamed: a growing pool is still reported, without a projection.
            return NonHeapReading.NO_LIMIT;
        }
    }
}
