package io.leakwatch.agent;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.leakwatch.analysis.LeakAnalyzer;
import io.leakwatch.bootstrap.LeakwatchBridge;
import io.leakwatch.config.LeakwatchConfig;
import io.leakwatch.export.AlertFanOut;
import io.leakwatch.export.AlertSink;
import io.leakwatch.export.JsonLinesAlertSink;
import io.leakwatch.export.LogAlertSink;
import io.leakwatch.export.otlp.OtlpExport;
import io.leakwatch.heap.ClassUnloadingCollections;
import io.leakwatch.heap.GcNotifications;
import io.leakwatch.heap.GcPauses;
import io.leakwatch.heap.HeapPoolMonitor;
import io.leakwatch.instrument.FieldWriteInstrumentation;
import io.leakwatch.instrument.SiteTable;
import io.leakwatch.log.AgentLog;
import io.leakwatch.log.AgentThreads;
import io.leakwatch.nonheap.NonHeapPools;
import io.leakwatch.respond.AlertResponders;
import io.leakwatch.respond.FollowUpAlerts;
import io.leakwatch.track.ContainerRegistry;
import io.leakwatch.track.ContainerSampler;
import io.leakwatch.track.JdkFieldAccess;
import io.leakwatch.track.RetainedEstimates;
import io.leakwatch.track.RetainedSizeEstimator;

/**
 * Starts leakwatch in order. On the application's thread only what must precede its classes: the
 * configuration and the transformer. JMX listeners and the sampling loop start on the agent's own
 * thread a moment later. A step that fails is reported once and the others go on.
 */
final class AgentStarter {

    private AgentStarter() {
    }

    /** With a valid configuration that enables the agent, once the bridge is in the boot loader. */
    static void start(LeakwatchConfig config, Instrumentation instrumentation) {
        SiteTable sites = new SiteTable(LeakwatchConfig.MAX_SITES);
        // The bridge's countdowns let most writes to a full site return before any call into the agent.
        ContainerRegistry registry = new ContainerRegistry(LeakwatchBridge.claimWritesToLetPass(),
                LeakwatchBridge.claimPauses(), LeakwatchBridge.claimLastHeld(), LeakwatchConfig.INSTANCES_PER_SITE,
                LeakwatchConfig.MAX_TRACKED_INSTANCES);
        // Installed even when nothing is instrumented: the bridge takes one handler only, and it is the agent's.
        LeakwatchBridge.install(registry);
        FieldWriteInstrumentation fieldWrites = new FieldWriteInstrumentation(config, sites);
        if (config.packages().isEmpty()) {
            AgentLog.line("no packages configured: only the heap is watched;"
                    + " set packages=com.your.app to find the fields that grow");
        } else {
            // Not through step(): a lambda's first use would cost the application's start-up another millisecond.
            try {
                fieldWrites.install(instrumentation);
            } catch (Throwable t) {
                reportFailed("install the field-write instrumentation", t);
            }
        }

        // Everything else waits for the first sampler thread: premain's time is the application's start-up time.
        new AgentThreads("sampler").newThread(new DelayedStart(config, instrumentation, registry, sites, fieldWrites))
                .start();
    }

    /** The rest of the start, on the first sampler thread. A class, not a lambda: see the install step above. */
    private static final class DelayedStart implements Runnable {
        private final LeakwatchConfig config;
        private final Instrumentation instrumentation;
        private final ContainerRegistry registry;
        private final SiteTable sites;
        private final FieldWriteInstrumentation fieldWrites;

        DelayedStart(LeakwatchConfig config, Instrumentation instrumentation, ContainerRegistry registry,
                SiteTable sites, FieldWriteInstrumentation fieldWrites) {
            this.config = config;
            this.instrumentation = instrumentation;
            this.registry = registry;
            this.sites = sites;
            this.fieldWrites = fieldWrites;
        }

        @Override
        public void run() {
            startAfterDelay(config, instrumentation, registry, sites, fieldWrites);
        }
    }

    /**
     * On the first sampler thread, a moment after {@code premain} has returned: the sampler, the analysis and the
     * monitoring loop, which then samples on this thread for the JVM's lifetime.
     */
    private static void startAfterDelay(LeakwatchConfig config, Instrumentation instrumentation,
            ContainerRegistry registry, SiteTable sites, FieldWriteInstrumentation fieldWrites) {
        try {
            Thread.sleep(LeakwatchConfig.START_DELAY_MILLIS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return;
        }
        // Only the sampler reads JDK fields; opening java.util waits for it, out of premain.
        JdkFieldAccess.open(instrumentation);
        ContainerSampler sampler = new ContainerSampler(registry,
                new RetainedSizeEstimator(instrumentation, LeakwatchConfig.ESTIMATE_SAMPLED_ENTRIES,
                        LeakwatchConfig.ESTIMATE_MAX_OBJECTS),
                LeakwatchConfig.MAX_SITES, LeakwatchConfig.SLOW_SIZE_CALL_NANOS, System::nanoTime);
        RetainedEstimates retained = RetainedEstimates.of(sampler, LeakwatchConfig.RETAINED_ESTIMATE_REFRESH_MILLIS);
        LeakAnalyzer analyzer = new LeakAnalyzer(config, sites::nameOf);
        step("find the containers watched classes held before attach",
                () -> fieldWrites.findExistingContainers(instrumentation, registry));
        startMonitoring(config, registry, sampler, retained, analyzer, fieldWrites);
    }

    private static void startMonitoring(LeakwatchConfig config, ContainerRegistry registry, ContainerSampler sampler,
            RetainedEstimates retained, LeakAnalyzer analyzer, FieldWriteInstrumentation fieldWrites) {
        GcNotifications gcNotifications = new GcNotifications();
        // A collection is what frees a slot at a full, churning site: its paused writes are looked at again.
        gcNotifications.observe(collection -> registry.resumePausedSites());
        HeapPoolMonitor heap = new HeapPoolMonitor(System::currentTimeMillis);
        step("watch the heap pools after GC", () -> heap.start(gcNotifications));
        ClassUnloadingCollections classUnloading = new ClassUnloadingCollections();
        step("watch class metadata and buffer pools", () -> {
            classUnloading.start(gcNotifications);
            analyzer.watchNonHeap(NonHeapPools.ofThisJvm(classUnloading::count)::read);
        });
        List<AlertSink> sinks = sinks(config);
        List<PassReports.Reader> passReaders = new ArrayList<>();
        if (config.exporter() == LeakwatchConfig.Exporter.OTLP) {
            startOtlpExport(config, fieldWrites, gcNotifications, sinks).ifPresent(passReaders::add);
        }
        SamplesRecorder.start(config).ifPresent(passReaders::add);
        TrackingCounters counters = new TrackingCounters(registry, sampler, fieldWrites::refusedSites);
        MonitoringLoop.PassListener afterPass = PassReports.of(analyzer, retained, counters::read, passReaders);
        step("listen to GC notifications", gcNotifications::start);
        AlertFanOut reporting = new AlertFanOut(sinks);
        List<AlertSink> responders = AlertResponders.of(config, new FollowUpAlerts(reporting));
        MonitoringLoop loop = new MonitoringLoop(sampler, heap, analyzer, new AlertEstimates(retained), reporting,
                responders, System::currentTimeMillis, afterPass);
        SamplerSupervisor.start(loop, sampler.sizeCalls(), config.intervalMillis());
    }

    /** Adds the OTLP alert sink and returns what feeds the metrics; empty, after one line, if export cannot start. */
    private static Optional<MetricsPublisher> startOtlpExport(LeakwatchConfig config,
            FieldWriteInstrumentation fieldWrites, GcNotifications gcNotifications, List<AlertSink> sinks) {
        try {
            GcPauses gcPauses = new GcPauses();
            step("watch GC pauses", () -> gcPauses.start(gcNotifications));
            ExportedReadings readings = new ExportedReadings(gcPauses, fieldWrites::transformErrors,
                    fieldWrites.skippedClasses());
            Optional<OtlpExport> export = OtlpExport.start(readings, agentVersion());
            export.ifPresent(started -> sinks.add(started.alertSink()));
            return export.map(started -> new MetricsPublisher(readings, config.maxExportedSites(), started));
        } catch (Throwable t) {
            // Only the error's type: its message may quote an OTLP setting, credentials included.
            AgentLog.line("could not start OTLP export (" + t.getClass().getName()
                    + "); alerts still go to the log and events.file");
            return Optional.empty();
        }
    }

    private static String agentVersion() {
        String version = AgentStarter.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }

    private static List<AlertSink> sinks(LeakwatchConfig config) {
        List<AlertSink> sinks = new ArrayList<>();
        if (config.logSink() == LeakwatchConfig.LogSink.STDERR) {
            sinks.add(new LogAlertSink());
        }
        config.eventsFile().ifPresent(file -> sinks.add(JsonLinesAlertSink.open(file)));
        return sinks;
    }

    private static void step(String what, Runnable action) {
        try {
            action.run();
        } catch (Throwable t) {
            reportFailed(what, t);
        }
    }

    private static void reportFailed(String what, Throwable t) {
        AgentLog.line("could not " + what + " (" + t + "); continuing without it");
    }
}
