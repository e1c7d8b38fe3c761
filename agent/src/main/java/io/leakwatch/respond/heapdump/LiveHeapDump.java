package io.leakwatch.respond.heapdump;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Optional;

import javax.management.MBeanServer;

import com.sun.management.HotSpotDiagnosticMXBean;

/**
 * One way to write the heap's live objects to a file. The call pauses every application thread until the file
 * is written (the JVM dumps at a safepoint, after a full collection that leaves only live objects).
 */
interface LiveHeapDump {

    /** {@code .hprof}, or {@code .hprof.gz} for a compressed dump. */
    String extension();

    /** Writes the dump to {@code file}, which must not exist; returns when it is written. */
    void dump(Path file) throws Exception;

    /**
     * The best way this JVM offers: compressed through the {@code gcHeapDump} diagnostic command when its MBean
     * offers that command with {@code -gz}, else {@link HotSpotDiagnosticMXBean#dumpHeap}; empty when neither is
     * there (a JVM other than HotSpot, or a runtime image without {@code jdk.management}).
     */
    static Optional<LiveHeapDump> best(MBeanServer server) {
        Optional<LiveHeapDump> compressed = DiagnosticCommandHeapDump.ifOffered(server);
        if (compressed.isPresent()) {
            return compressed;
        }
        try {
            HotSpotDiagnosticMXBean hotSpot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return hotSpot == null ? Optional.empty() : Optional.of(new HotSpotHeapDump(hotSpot));
        } catch (RuntimeException | LinkageError notHotSpot) {
            return Optional.empty();
        }
    }
}
