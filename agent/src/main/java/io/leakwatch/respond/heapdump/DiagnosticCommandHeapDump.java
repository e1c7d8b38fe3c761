package io.leakwatch.respond.heapdump;

import java.nio.file.Path;
import java.util.Optional;

import javax.management.Descriptor;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanServer;
import javax.management.ObjectName;

import io.leakwatch.config.LeakwatchConfig;

/**
 * A compressed dump of live objects through the {@code gcHeapDump} operation of the DiagnosticCommand MBean
 * ({@code GC.heap_dump -gz=1 <file>}), used only where the JVM offers it there with the {@code -gz} option.
 * HotSpot 17 and 25 have {@code -gz} (since 15), {@code -overwrite} (since 18) and {@code -parallel} (since 21)
 * on {@code GC.heap_dump}, but export the command to {@code jcmd} (the attach API) only, not to the MBean; so
 * there this is not used and the dump is written uncompressed by {@link HotSpotHeapDump}.
 */
final class DiagnosticCommandHeapDump implements LiveHeapDump {

    static final String MBEAN_NAME = "com.sun.management:type=DiagnosticCommand";
    static final String OPERATION = "gcHeapDump";

    private final MBeanServer server;
    private final ObjectName name;

    private DiagnosticCommandHeapDump(MBeanServer server, ObjectName name) {
        this.server = server;
        this.name = name;
    }

    /** This way of dumping, if the server's DiagnosticCommand MBean offers {@code gcHeapDump} with {@code -gz}. */
    static Optional<LiveHeapDump> ifOffered(MBeanServer server) {
        try {
            ObjectName name = new ObjectName(MBEAN_NAME);
            for (MBeanOperationInfo operation : server.getMBeanInfo(name).getOperations()) {
                if (OPERATION.equals(operation.getName())) {
                    // The MBean describes each command's arguments, by name, in its operation's descriptor.
                    Object arguments = operation.getDescriptor().getFieldValue("dcmd.arguments");
                    if (arguments instanceof Descriptor && ((Descriptor) arguments).getFieldValue("-gz") != null) {
                        return Optional.of(new DiagnosticCommandHeapDump(server, name));
                    }
                }
            }
            return Optional.empty();
        } catch (Exception | LinkageError notOffered) {
            return Optional.empty();
        }
    }

    @Override
    public String extension() {
        return ".hprof.gz";
    }

    @Override
    public void dump(Path file) throws Exception {
        // The command's arguments are joined into one command line and parsed again; quotes keep a path with
        // spaces whole. Without -all the command dumps live objects only.
        String[] arguments = {"-gz=" + LeakwatchConfig.HEAP_DUMP_GZIP_LEVEL, "\"" + file + "\""};
        server.invoke(name, OPERATION, new Object[] {arguments}, new String[] {String[].class.getName()});
    }
}
