package io.leakwatch.respond.evidence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.leakwatch.config.LeakwatchConfig;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedObject;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * A Flight Recorder recording of two events only. {@code jdk.OldObjectSample}: the JVM samples allocations while
 * it runs and, when it stops, writes those of the sampled objects still alive, each with its allocation stack and
 * the chain of references from a GC root. {@code jdk.ObjectAllocationSample} (JDK 16 and later; ignored before):
 * a throttled sample of all allocations with their stacks, where the small entry objects a container holds (the
 * old-object sampler favours big ones) are found with the line that made them. The only class that links
 * {@code jdk.jfr}, so that a runtime without it fails here, once, and nowhere else.
 */
final class EvidenceRecording {

    private static final String OLD_OBJECT = "jdk.OldObjectSample";
    private static final String ALLOCATION = "jdk.ObjectAllocationSample";
    private static final String CLASS_NAME_PREFIX = "Class Name: ";
    private static final String PRIMITIVE_CODES = "BCSIJFDZ";
    private static final String[] PRIMITIVE_NAMES = {"byte", "char", "short", "int", "long", "float", "double", "boolean"};

    private final Recording recording;

    private EvidenceRecording(Recording recording) {
        this.recording = recording;
    }

    /** Why no recording can be made in this JVM; null when one can. */
    static String unavailableReason() {
        if (ModuleLayer.boot().findModule("jdk.jfr").isEmpty()) {
            return "this runtime has no jdk.jfr module";
        }
        try {
            return FlightRecorder.isAvailable() ? null : "Flight Recorder is disabled in this JVM";
        } catch (Throwable t) {
            return "Flight Recorder cannot be used (" + t + ")";
        }
    }

    /** Old objects and allocations: what a suspect keeps alive, and where it was made. */
    static EvidenceRecording start() {
        return start(true);
    }

    /**
     * Allocations alone, to go on looking for where a container's entries are made once the old objects have named
     * their class: no old-object sampling, so stopping it searches for no GC roots.
     */
    static EvidenceRecording startAllocationsOnly() {
        return start(false);
    }

    private static EvidenceRecording start(boolean oldObjects) {
        Recording recording = new Recording();
        recording.setName("leakwatch-evidence");
        recording.setToDisk(true);
        recording.setMaxSize(LeakwatchConfig.EVIDENCE_RECORDING_MAX_BYTES);
        recording.setDumpOnExit(false);
        if (oldObjects) {
            // The cutoff bounds the search for paths to GC roots, which runs at a safepoint when the recording stops.
            recording.enable(OLD_OBJECT).withStackTrace()
                    .with("cutoff", LeakwatchConfig.EVIDENCE_ROOT_SEARCH_CUTOFF_MILLIS + " ms");
        }
        recording.enable(ALLOCATION).withStackTrace().with("throttle", LeakwatchConfig.EVIDENCE_ALLOCATION_SAMPLES);
        recording.start();
        return new EvidenceRecording(recording);
    }

    /** Stops the recording (the pause happens here), reads the samples back, and deletes the data. */
    Recorded stopAndRead(StopTimer timer) throws IOException {
        Path file = Files.createTempFile("leakwatch-evidence-", ".jfr");
        try {
            long started = System.nanoTime();
            recording.stop();
            timer.stopped(System.nanoTime() - started);
            recording.dump(file);
            List<SampledOldObject> oldObjects = new ArrayList<>();
            // Counted as they are read, application classes only (the entries evidence looks for): a minute of
            // allocation samples is tens of thousands of stacks, and their strings would be garbage enough to
            // disturb the very heap this agent watches.
            Map<String, AllocationCount> allocations = new HashMap<>();
            try (RecordingFile events = new RecordingFile(file)) {
                while (events.hasMoreEvents()) {
                    RecordedEvent event = events.readEvent();
                    String name = event.getEventType().getName();
                    if (OLD_OBJECT.equals(name) && oldObjects.size() < LeakwatchConfig.EVIDENCE_MAX_SAMPLES_READ) {
                        oldObjects.add(sampleOf(event));
                    } else if (ALLOCATION.equals(name)) {
                        count(event, allocations);
                    }
                }
            }
            List<AllocationSample> counted = new ArrayList<>();
            allocations.values().forEach(each -> counted.add(new AllocationSample(each.type, each.stack, each.count)));
            return new Recorded(oldObjects, counted);
        } finally {
            recording.close();
            Files.deleteIfExists(file);
        }
    }

    /** Closes a recording whose reading failed or was abandoned. */
    void close() {
        recording.close();
    }

    private static void count(RecordedEvent event, Map<String, AllocationCount> allocations) {
        String type = nameOf(event.getClass("objectClass"));
        if (EvidenceSelector.isPlatformClass(type)) {
            return;
        }
        List<String> stack = EvidenceSelector.stackToShow(framesOf(event.getStackTrace()));
        String key = type + "\n" + String.join("\n", stack);
        AllocationCount known = allocations.get(key);
        if (known != null) {
            known.count++;
        } else if (allocations.size() < LeakwatchConfig.EVIDENCE_MAX_SAMPLES_READ) {
            allocations.put(key, new AllocationCount(type, stack));
        }
    }

    private static SampledOldObject sampleOf(RecordedEvent event) {
        RecordedObject object = event.getValue("object");
        String type = object == null ? "?" : nameOf(object.getValue("type"));
        return new SampledOldObject(type, framesOf(event.getStackTrace()), pathOf(object), rootOf(event));
    }

    private static List<String> framesOf(RecordedStackTrace trace) {
        List<String> frames = new ArrayList<>();
        if (trace == null) {
            return frames;
        }
        for (RecordedFrame frame : trace.getFrames()) {
            if (!frame.isJavaFrame() || frame.getMethod() == null) {
                continue;
            }
            String className = frame.getMethod().getType().getName();
            int line = frame.getLineNumber();
            frames.add(className + "." + frame.getMethod().getName() + "(" + sourceFileOf(className)
                    + (line > 0 ? ":" + line : "") + ")");
        }
        return frames;
    }

    /** Flight Recorder does not record source files; Java's convention (the top-level class's name) is the guess. */
    private static String sourceFileOf(String className) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        int nested = simple.indexOf('$');
        return (nested > 0 ? simple.substring(0, nested) : simple) + ".java";
    }

    private static List<SampledOldObject.Reference> pathOf(RecordedObject object) {
        List<SampledOldObject.Reference> path = new ArrayList<>();
        RecordedObject current = object;
        while (current != null && path.size() < LeakwatchConfig.EVIDENCE_MAX_PATH_READ) {
            RecordedObject referrer = current.getValue("referrer");
            if (referrer == null) {
                break;
            }
            RecordedObject holder = referrer.getValue("object");
            if (holder == null) {
                break;
            }
            String holderType = nameOf(holder.getValue("type"));
            String description = holder.getString("description");
            boolean isStatic = "java.lang.Class".equals(holderType) && description != null
                    && description.startsWith(CLASS_NAME_PREFIX);
            String holderName = isStatic ? description.substring(CLASS_NAME_PREFIX.length()) : holderType;
            RecordedObject field = referrer.getValue("field");
            RecordedObject array = referrer.getValue("array");
            path.add(new SampledOldObject.Reference(holderName, field == null ? null : field.getString("name"),
                    isStatic, array == null ? -1 : array.getLong("index"), referrer.getInt("skip")));
            current = holder;
        }
        return path;
    }

    private static String rootOf(RecordedEvent event) {
        RecordedObject root = event.getValue("root");
        if (root == null) {
            return null;
        }
        String description = root.getString("description");
        return root.getString("system") + " / " + root.getString("type")
                + (description == null || description.isEmpty() ? "" : " (" + description + ")");
    }

    /** {@code [Ljava.lang.String;} as {@code java.lang.String[]}, {@code [B} as {@code byte[]}. */
    private static String nameOf(RecordedClass type) {
        return type == null ? "?" : readableName(type.getName());
    }

    static String readableName(String name) {
        int dimensions = 0;
        while (dimensions < name.length() && name.charAt(dimensions) == '[') {
            dimensions++;
        }
        if (dimensions == 0) {
            return name;
        }
        String element = name.substring(dimensions);
        int primitive = element.length() == 1 ? PRIMITIVE_CODES.indexOf(element.charAt(0)) : -1;
        String base = primitive >= 0 ? PRIMITIVE_NAMES[primitive]
                : element.startsWith("L") && element.endsWith(";") ? element.substring(1, element.length() - 1) : element;
        return base + "[]".repeat(dimensions);
    }

    /** Allocations of one class at one stack, counted while reading. */
    private static final class AllocationCount {
        final String type;
        final List<String> stack;
        long count = 1;

        AllocationCount(String type, List<String> stack) {
            this.type = type;
            this.stack = stack;
        }
    }

    /** What one recording found. */
    static final class Recorded {
        final List<SampledOldObject> oldObjects;
        final List<AllocationSample> allocations;

        Recorded(List<SampledOldObject> oldObjects, List<AllocationSample> allocations) {
            this.oldObjects = oldObjects;
            this.allocations = allocations;
        }

        /** These old objects, with the allocations of both recordings. */
        Recorded withAllocationsOf(Recorded later) {
            List<AllocationSample> both = new ArrayList<>(allocations);
            both.addAll(later.allocations);
            return new Recorded(oldObjects, both);
        }
    }

    /** Told how long stopping the recording took: the root search's safepoint pause is part of it. */
    interface StopTimer {
        void stopped(long nanos);
    }
}
