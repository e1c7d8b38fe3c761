package io.leakwatch.respond.heapdump;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.Descriptor;
import javax.management.DynamicMBean;
import javax.management.ImmutableDescriptor;
import javax.management.MBeanInfo;
import javax.management.MBeanOperationInfo;
import javax.management.MBeanParameterInfo;
import javax.management.MBeanServer;
import javax.management.MBeanServerFactory;
import javax.management.ObjectName;

import org.junit.jupiter.api.Test;

class DiagnosticCommandHeapDumpTest {

    /** A DiagnosticCommand MBean offering {@code gcHeapDump} with the given arguments, recording its calls. */
    private static final class FakeDiagnosticCommand implements DynamicMBean {
        final List<String[]> calls = new ArrayList<>();
        private final Descriptor arguments;

        FakeDiagnosticCommand(Map<String, ?> arguments) {
            this.arguments = new ImmutableDescriptor(arguments);
        }

        @Override
        public MBeanInfo getMBeanInfo() {
            Descriptor descriptor = new ImmutableDescriptor(Map.of("dcmd.name", "GC.heap_dump", "dcmd.arguments", arguments));
            MBeanOperationInfo dump = new MBeanOperationInfo(DiagnosticCommandHeapDump.OPERATION, "heap dump",
                    new MBeanParameterInfo[] {new MBeanParameterInfo("arguments", String[].class.getName(), "")},
                    String.class.getName(), MBeanOperationInfo.ACTION_INFO, descriptor);
            return new MBeanInfo(getClass().getName(), "", null, null, new MBeanOperationInfo[] {dump}, null);
        }

        @Override
        public Object invoke(String action, Object[] params, String[] signature) {
            calls.add((String[]) params[0]);
            return "";
        }

        @Override
        public Object getAttribute(String attribute) {
            return null;
        }

        @Override
        public void setAttribute(Attribute attribute) {
        }

        @Override
        public AttributeList getAttributes(String[] attributes) {
            return new AttributeList();
        }

        @Override
        public AttributeList setAttributes(AttributeList attributes) {
            return new AttributeList();
        }
    }

    private static MBeanServer serverWith(FakeDiagnosticCommand command) throws Exception {
        MBeanServer server = MBeanServerFactory.newMBeanServer();
        server.registerMBean(command, new ObjectName(DiagnosticCommandHeapDump.MBEAN_NAME));
        return server;
    }

    @Test
    void compressesThroughTheCommandWhenItOffersGz() throws Exception {
        FakeDiagnosticCommand command = new FakeDiagnosticCommand(Map.of("-all", "", "-gz", "", "filename", ""));
        LiveHeapDump dump = LiveHeapDump.best(serverWith(command)).orElseThrow();

        assertEquals(".hprof.gz", dump.extension());
        dump.dump(Path.of("/dumps/with space/leakwatch-1-20260304-050607.hprof.gz"));
        assertEquals(1, command.calls.size());
        assertArrayEquals(new String[] {"-gz=1", "\"/dumps/with space/leakwatch-1-20260304-050607.hprof.gz\""},
                command.calls.get(0));
    }

    @Test
    void withoutGzTheHotSpotBeanWritesItUncompressed() throws Exception {
        FakeDiagnosticCommand command = new FakeDiagnosticCommand(Map.of("-all", "", "filename", ""));
        assertEquals(".hprof", LiveHeapDump.best(serverWith(command)).orElseThrow().extension());
        assertTrue(command.calls.isEmpty());
    }

    /** HotSpot 17 and 25 export GC.heap_dump to jcmd only: this is what makes the dumps uncompressed there. */
    @Test
    void thisJvmsDiagnosticCommandBeanDoesNotOfferTheHeapDump() {
        assertTrue(DiagnosticCommandHeapDump.ifOffered(ManagementFactory.getPlatformMBeanServer()).isEmpty());
    }
}
