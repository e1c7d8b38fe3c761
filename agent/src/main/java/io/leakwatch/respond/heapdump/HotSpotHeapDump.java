package io.leakwatch.respond.heapdump;

import java.nio.file.Path;

import com.sun.management.HotSpotDiagnosticMXBean;

/** An uncompressed dump of live objects through {@link HotSpotDiagnosticMXBean#dumpHeap}. */
final class HotSpotHeapDump implements LiveHeapDump {

    private final HotSpotDiagnosticMXBean diagnostic;

    HotSpotHeapDump(HotSpotDiagnosticMXBean diagnostic) {
        this.diagnostic = diagnostic;
    }

    @Override
    public String extension() {
        return ".hprof";
    }

    @Override
    public void dump(Path file) throws Exception {
        diagnostic.dumpHeap(file.toString(), true);
    }
}
