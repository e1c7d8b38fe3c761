package io.leakwatch.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import io.leakwatch.bootstrap.LeakwatchBridge;

/** The agent's validated, immutable configuration, with the tuning limits that bound its cost. */
public final class LeakwatchConfig {

    /** Where alerts are exported besides the log and the events file. */
    public enum Exporter { OTLP, NONE }

    /** Where human-readable alert lines go. */
    public enum LogSink { STDERR, NONE }

    /**
     * Packages never instrumented, whatever {@code packages} says: the JDK's, the agent's own and its libraries',
     * and other agents' and code generators'. A {@code packages} entry inside one of them is refused.
     */
    public static final List<String> NEVER_INSTRUMENTED_PACKAGES = List.of(
            "java", "javax", "jdk", "sun", "com.sun", "io.leakwatch", "net.bytebuddy",
            "io.opentelemetry.javaagent", "co.elastic.apm", "datadog", "com.datadoghq", "com.newrelic",
            "com.dynatrace", "org.glowroot");
    /** {@code interval} when not configured. */
    public static final long DEFAULT_INTERVAL_MILLIS = 10_000;
    /** {@code window} when not configured. */
    public static final long DEFAULT_WINDOW_MILLIS = 300_000;
    /** {@code critical.horizon} when not configured. */
    public static final long DEFAULT_CRITICAL_HORIZON_MILLIS = 900_000;
    /** {@code otlp.maxSites} when not configured. */
    public static final int DEFAULT_EXPORTED_SITES = 20;
    /** Most field sites the agent names; fields beyond it are not instrumented (and counted). */
    public static final int MAX_SITES = LeakwatchBridge.MAX_SITES;
    /** Containers tracked per site: a high-churn site stays sampled, not exhaustively tracked. */
    public static final int INSTANCES_PER_SITE = 4;
    /**
     * Most writes a full site lets pass unexamined between two looks, reached by doubling after each look that
     * found no slot to take; a collection that frees a slot starts the doubling again from zero. One plus a power
     * of two minus one: at most one write in 1024 to a full, churning site does any work.
     */
    public static final int MAX_UNEXAMINED_WRITES_PER_FULL_SITE = 1023;
    /**
     * Most writes a site with room lets pass unexamined after a look found the written container held already,
     * reached the same way. A container set over and over on its own (a setter called per request with the same
     * list) needs no looks: the bridge lets the writes of the site's last held container pass at once. This is for
     * two or more set in turn: far fewer than a full site's, about one of their writes in twelve is looked at, so a
     * new container written among them a hundred times is taken (it passes unseen about once in 6,000), while one
     * written once passes unseen eleven times in twelve.
     */
    public static final int MAX_UNEXAMINED_REWRITES_OF_HELD = 15;
    /** Containers tracked in all; registrations beyond it are dropped (and counted). */
    public static final int MAX_TRACKED_INSTANCES = 65_536;
    /** Points a series keeps per window: enough for four quarters, small enough for 10k sites. */
    public static final int SERIES_POINTS_PER_WINDOW = 40;
    /** Net growth of a container over one window, in elements, below which it is not a leak. */
    public static final long MIN_CONTAINER_GROWTH_ELEMENTS = 100;
    /** Net growth of a heap pool's floor over one window, in bytes, below which it is not a leak. */
    public static final long MIN_HEAP_GROWTH_BYTES = 1024 * 1024;
    /** ... or this fraction of the pool's maximum, whichever is larger. */
    public static final double MIN_HEAP_GROWTH_FRACTION_OF_MAX = 0.01;
    /**
     * Windows over which a long-lived pool's floor must rise, collection after collection, before growth
     * that no old collection has yet confirmed counts as a leak: until the collector first traces its old
     * generation, tenured garbage and leaked objects look the same, and a first climb rarely lasts this long.
     */
    public static final int UNCONFIRMED_RISE_WINDOWS = 2;
    /**
     * How fast, against the first half of those windows, such a floor must still rise in the second half, and
     * (for a rise that collections confirm) in the window's last quarter against its average: a warm-up that
     * is levelling off rises ever more slowly, a leak does not.
     */
    public static final double UNCONFIRMED_RISE_MIN_FINAL_PACE = 0.5;
    /**
     * Growth must exceed this many of the largest rises between two samples in the window: sampling an
     * oscillation misreads its floor and peak by up to one such rise, so a drift smaller than that is aliasing.
     */
    public static final double OSCILLATION_MARGIN_IN_STEPS = 1.5;
    /**
     * How fast, against its average over the window, a container's size must still rise into the window's last
     * quarter, its floors and its peaks alike: a container that warmed up and then stayed bounded has done its
     * rising early in the window, a leak keeps its pace.
     */
    public static final double LAST_QUARTER_MIN_PACE = 0.5;
    /**
     * Windows that evidence of growth must reach back before a WARNING: one window judged persistent, and
     * the judgements after it still finding persistent growth. A warm-up that levels off within a window may
     * fool the judgement of the window that ends as it levels off, not the ones a quarter later.
     */
    public static final double WARNING_EVIDENCE_WINDOWS = 1.25;
    /**
     * Windows that evidence of growth must reach back before a CRITICAL: the rise persisted through the previous
     * window too. A ramp that levels off within a window, or a little after, never gets there.
     */
    public static final double CRITICAL_EVIDENCE_WINDOWS = 2;
    /**
     * Longest gap, in windows, between two judgements of persistent growth within one run of evidence: an
     * oscillation on a rising floor, or a pass that came late, is not judged persistent at every pass; a ramp
     * that levelled off is not judged so again at all.
     */
    public static final double MAX_EVIDENCE_GAP_WINDOWS = 0.5;
    /**
     * A heap floor still rises in the last quarter of the window if it gains at least this fraction of the
     * minimum growth there: a live set that ramped up and levelled off does not.
     */
    public static final double LAST_QUARTER_SHARE_OF_MIN_GROWTH = 0.25;
    /** A heap pool whose live set after GC is above this fraction of its maximum is treated as full. */
    public static final double NEARLY_FULL_FRACTION = 0.95;
    /** Passes a site is skipped after a read that failed or was slow; doubles on each further one in a row. */
    public static final int FIRST_FAILED_READ_SKIPPED_PASSES = 2;
    /** The most passes a site is skipped for failed or slow reads in a row: one good read resets the doubling. */
    public static final int MAX_FAILED_READ_SKIPPED_PASSES = 512;
    /** A {@code size()} call slower than this backs its site off. */
    public static final long SLOW_SIZE_CALL_NANOS = 5_000_000L;
    /** A {@code size()} call that has not returned after this long is given up on, with its type, by the watchdog. */
    public static final long STUCK_SIZE_CALL_NANOS = 2_000_000_000L;
    /** Sampler threads started in place of stuck ones, at most; each stuck one stays parked in its call. */
    public static final int MAX_SAMPLER_REPLACEMENTS = 8;
    /** Container types given up on and remembered (not called again). */
    public static final int MAX_BLOCKED_CONTAINER_TYPES = 64;
    /**
     * Values of one container looked at per pass for containers nested in it (a map's value lists), the first in
     * iteration order; beyond it their count is scaled to the container's size.
     */
    public static final int NESTED_VALUES_PER_CONTAINER = 256;
    /** Values after which a container none of whose values so far was a container is not looked at further. */
    public static final int NESTED_PROBE_VALUES = 16;
    /** Values looked at for nested containers in one pass over all sites; the rest keep their last count. */
    public static final int NESTED_VALUES_PER_PASS = 262_144;
    /**
     * The most passes a site is left unprobed after its containers' values were found to hold no container (a map
     * of numbers or strings): probing them cost 16 values of every container at every pass, 20 ms a pass at 10k
     * containers, for nothing. The skipped passes double from one while the probes keep finding none.
     */
    public static final int MAX_SKIPPED_NESTED_PROBES = 32;
    /** Entries walked to estimate a container's retained bytes. */
    public static final int ESTIMATE_SAMPLED_ENTRIES = 64;
    /** Objects visited per estimate, whatever the depth. */
    public static final int ESTIMATE_MAX_OBJECTS = 4096;
    /** Delay before JMX listeners and threads start, so the application configures its MBean server first. */
    public static final long START_DELAY_MILLIS = 1000;
    /** After attach, how far from a watched class's static fields the search for existing containers goes. */
    public static final int EXISTING_CONTAINER_SCAN_DEPTH = 4;
    /** After attach, the most objects of watched classes that search reads the fields of. */
    public static final int EXISTING_CONTAINER_SCAN_OBJECTS = 10_000;
    /** Share of the window that the Flight Recorder recording gathering evidence runs for, within the bounds below. */
    public static final double EVIDENCE_RECORDING_SHARE_OF_WINDOW = 0.5;
    /**
     * Shortest evidence recording: at 300 allocation samples a second, a container's small entry objects turn up a
     * few times in 15 s of a service's allocations.
     */
    public static final long EVIDENCE_MIN_RECORDING_MILLIS = 15_000;
    /** Longest evidence recording a {@code window} asks for. */
    public static final long EVIDENCE_MAX_RECORDING_MILLIS_OF_WINDOW = 60_000;
    /**
     * Collections that must follow the start of an evidence recording before it stops: the JVM reports only
     * sampled objects that outlived a collection, which tells a leak's entries from garbage.
     */
    public static final int EVIDENCE_MIN_COLLECTIONS = 2;
    /**
     * Further recordings of allocations alone, each as long as the first, while no allocation of a container's entry
     * class has been sampled: a small entry among big objects is caught a few times a minute in a busy service, and
     * not at all in a quiet one, where the old objects' own stacks have to do.
     */
    public static final int EVIDENCE_MAX_ENTRY_ROUNDS = 2;
    /** Longest an evidence recording waits for those collections. */
    public static final long EVIDENCE_MAX_RECORDING_MILLIS = 300_000;
    /** How often a running evidence recording checks whether those collections have happened. */
    public static final long EVIDENCE_COLLECTION_POLL_MILLIS = 500;
    /**
     * Longest the search for paths from old objects to GC roots may take when an evidence recording stops; it
     * runs at a safepoint, so this bounds the pause it adds (huge arrays make it slow).
     */
    public static final long EVIDENCE_ROOT_SEARCH_CUTOFF_MILLIS = 1_000;
    /**
     * Allocations sampled, with their stacks, while an evidence recording runs: Flight Recorder's "profile" rate.
     * At 1,000 a second the demo's heap CRITICAL came 2 minutes late (3 runs of 3), at 300 and 100 on time.
     */
    public static final String EVIDENCE_ALLOCATION_SAMPLES = "300/s";
    /** Most bytes an evidence recording keeps on disk. */
    public static final long EVIDENCE_RECORDING_MAX_BYTES = 16L * 1024 * 1024;
    /** Most old-object samples read back from one recording (the JVM keeps 256 by default). */
    public static final int EVIDENCE_MAX_SAMPLES_READ = 4096;
    /** Alerts waiting for evidence at most; beyond it an alert goes without. */
    public static final int EVIDENCE_MAX_WAITING_ALERTS = 64;
    /** Pieces of evidence (type and stack) an alert carries at most. */
    public static final int EVIDENCE_MAX_STACKS = 5;
    /** Frames of a piece of evidence's stack. */
    public static final int EVIDENCE_FRAMES = 8;
    /** References of a path to a GC root read from the recording, at most. */
    public static final int EVIDENCE_MAX_PATH_READ = 64;
    /** References of a path shown in a piece of evidence, at most; a longer path ends in "...". */
    public static final int EVIDENCE_MAX_PATH_STEPS = 12;

    /** The highest {@code otlp.maxSites} accepted: each site is a few metric series in the user's backend. */
    public static final int MAX_EXPORTED_SITES_LIMIT = 1000;
    /** Alert log records kept for redelivery while the OTLP endpoint cannot be reached; the oldest go first. */
    public static final int MAX_UNDELIVERED_ALERTS = 256;
    /** Longest the JVM's exit waits for the last OTLP export. */
    public static final long EXPORT_FLUSH_ON_EXIT_MILLIS = 1000;
    /** Longest an alert waits for another JVM to finish its append to a shared events file; then it is dropped, said once. */
    public static final long EVENTS_FILE_LOCK_WAIT_MILLIS = 2000;
    /** How often a site's retained bytes are re-estimated for the exported metric. */
    public static final long RETAINED_ESTIMATE_REFRESH_MILLIS = 60_000;
    /**
     * Least time between two heap dumps: each one pauses the application and can take as much disk as the heap,
     * and the first dump of a leak already holds what a later one would show.
     */
    public static final long HEAP_DUMP_MIN_PERIOD_MILLIS = 60 * 60_000L;
    /**
     * A heap dump is written only when the dump folder's file store has more usable bytes than the heap's used
     * bytes times this: a dump of live objects can be larger than they are in the heap (an 8-byte id for each
     * compressed 4-byte reference, a record header per object: small objects about double), and the disk must
     * keep room for the application after it.
     */
    public static final double HEAP_DUMP_FREE_SPACE_FACTOR = 2.0;
    /** Compression level for a dump written compressed: 1, the fastest, keeps the pause shortest. */
    public static final int HEAP_DUMP_GZIP_LEVEL = 1;

    /** Longest an {@code exec:} action may run; then it and the processes it started are destroyed, said once. */
    public static final long ACTION_COMMAND_TIMEOUT_MILLIS = 30_000;
    /** Shortest time between two actions for one site or pool at one severity: a flapping leak acts once. */
    public static final long ACTION_MIN_INTERVAL_MILLIS = 10 * 60_000;
    /** Sites and pools the action rate limit remembers; the longest-ago actions are forgotten first. */
    public static final int ACTION_REMEMBERED_SUBJECTS = 4096;
    /** Actions waiting behind the one running; more are dropped (counted, said once), the alerts still go out. */
    public static final int ACTION_QUEUE_CAPACITY = 16;
    /** How long the action thread (and the webhook's worker) stays alive with nothing to do. */
    public static final long ACTION_THREAD_IDLE_MILLIS = 60_000;
    /** Longest a webhook's connection may take to open. */
    public static final long ACTION_WEBHOOK_CONNECT_TIMEOUT_MILLIS = 5_000;
    /** Longest a webhook may take to answer one POST. */
    public static final long ACTION_WEBHOOK_REQUEST_TIMEOUT_MILLIS = 10_000;
    /** POSTs of one alert to a webhook that cannot be reached, answers 5xx or 429, before the action gives up. */
    public static final int ACTION_WEBHOOK_ATTEMPTS = 3;
    /** Pause before the second POST; each further pause is twice the one before. */
    public static final long ACTION_WEBHOOK_FIRST_BACKOFF_MILLIS = 1_000;

    /** Largest {@code samples.file} before it is renamed to {@code <file>.1} (replacing the older one) and begun anew. */
    public static final long SAMPLES_FILE_MAX_BYTES = 16L * 1024 * 1024;
    /** Container sites written to {@code samples.file} per pass: the alerted, then the fastest-growing, then the largest. */
    public static final int SAMPLED_SITES_PER_PASS = 50;
    /** Passes of samples waiting for the writer thread; beyond it a pass's samples are dropped (and counted). */
    public static final int SAMPLES_QUEUED_PASSES = 32;

    private final boolean enabled;
    private final List<String> packages;
    private final long intervalMillis;
    private final long windowMillis;
    private final long criticalHorizonMillis;
    private final Path eventsFile;
    private final Exporter exporter;
    private final LogSink logSink;
    private final int maxExportedSites;
    private final ResponseSettings responses;

    LeakwatchConfig(boolean enabled, List<String> packages, long intervalMillis, long windowMillis,
            long criticalHorizonMillis, Path eventsFile, Exporter exporter, LogSink logSink, int maxExportedSites,
            ResponseSettings responses) {
        this.enabled = enabled;
        this.packages = List.copyOf(packages);
        this.intervalMillis = intervalMillis;
        this.windowMillis = windowMillis;
        this.criticalHorizonMillis = criticalHorizonMillis;
        this.eventsFile = eventsFile;
        this.exporter = exporter;
        this.logSink = logSink;
        this.maxExportedSites = maxExportedSites;
        this.responses = responses;
    }

    public boolean enabled() {
        return enabled;
    }

    /** Package prefixes whose classes are instrumented; empty means only the heap is watched. */
    public List<String> packages() {
        return packages;
    }

    public long intervalMillis() {
        return intervalMillis;
    }

    public long windowMillis() {
        return windowMillis;
    }

    public long criticalHorizonMillis() {
        return criticalHorizonMillis;
    }

    public Optional<Path> eventsFile() {
        return Optional.ofNullable(eventsFile);
    }

    public Exporter exporter() {
        return exporter;
    }

    public LogSink logSink() {
        return logSink;
    }

    /** Most container sites exported as OTLP metrics: the alerted and growing ones first, then the largest. */
    public int maxExportedSites() {
        return maxExportedSites;
    }

    /** Samples file, heap dumps and actions. */
    public ResponseSettings responses() {
        return responses;
    }

    /** Whether a class of this binary name lies in one of the configured packages. */
    public boolean isWatchedClass(String binaryClassName) {
        for (String prefix : packages) {
            if (binaryClassName.startsWith(prefix) && binaryClassName.length() > prefix.length()
                    && binaryClassName.charAt(prefix.length()) == '.') {
                return true;
            }
        }
        return false;
    }
}
