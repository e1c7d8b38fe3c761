package io.leakwatch.instrument;

import java.lang.instrument.Instrumentation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import io.leakwatch.bootstrap.FieldWriteHandler;
import io.leakwatch.bootstrap.LeakwatchBridge;
import io.leakwatch.config.LeakwatchConfig;
import io.leakwatch.log.AgentLog;

/**
 * Installs the transformer that hands every container written to a field of a watched class to the
 * bridge. Only classes of the configured packages are touched; JDK classes, the agent's own and other
 * agents' classes never are. A plain {@code ClassFileTransformer} over Byte Buddy's ASM, rather than
 * Byte Buddy's AgentBuilder: the AgentBuilder loads some 950 classes in {@code premain}, which cost the
 * application about 360 ms of start-up.
 */
public final class FieldWriteInstrumentation {

    private final InstrumentableClasses instrumentable;
    private final SiteTable sites;
    private final AtomicLong transformErrors = new AtomicLong();
    private final SkippedClasses skippedClasses = new SkippedClasses();
    /** Set when watched classes were loaded before the agent: it came by {@code attach}. */
    private volatile boolean watchedClassesPredateAgent;

    public FieldWriteInstrumentation(LeakwatchConfig config, SiteTable sites) {
        this.instrumentable = new InstrumentableClasses(config);
        this.sites = sites;
    }

    /** Registers the transformer; classes already loaded are retransformed where they match. */
    public void install(Instrumentation instrumentation) {
        // The bridge as this class resolves it is the one the agent installs its handler on: the boot loader's.
        BridgeVisibility bridgeVisibility = new BridgeVisibility(LeakwatchBridge.class, new UnwatchableLoaderNotice());
        instrumentation.addTransformer(new FieldWriteTransformer(instrumentable, sites, transformErrors,
                bridgeVisibility, skippedClasses), true);
        retransformLoadedClasses(instrumentation);
    }

    /** After {@code attach}, or for classes loaded before {@code premain}: their next writes are seen too. */
    private void retransformLoadedClasses(Instrumentation instrumentation) {
        List<Class<?>> loaded = new ArrayList<>();
        for (Class<?> type : instrumentation.getAllLoadedClasses()) {
            if (type.getClassLoader() != null && instrumentable.test(type.getName())
                    && instrumentation.isModifiableClass(type)) {
                loaded.add(type);
            }
        }
        watchedClassesPredateAgent = !loaded.isEmpty();
        for (Class<?> type : loaded) {
            try {
                instrumentation.retransformClasses(type);
            } catch (Throwable error) {
                transformErrors.incrementAndGet();
                AgentLog.once("retransform-error", "could not instrument the loaded class " + type.getName()
                        + " (" + error + "); it runs unchanged, and further such errors are counted silently");
            }
        }
    }

    /**
     * After {@code attach}: hands the registry the containers that already initialised watched classes hold,
     * which no further write might ever show (see {@link ExistingContainerScan}). Runs on the agent's thread.
     */
    public void findExistingContainers(Instrumentation instrumentation, FieldWriteHandler registry) {
        if (!watchedClassesPredateAgent) {
            return;
        }
        Optional<ClassInitialization> initialization = ClassInitialization.open(instrumentation,
                reason -> AgentLog.line("could not tell which classes are initialised (" + reason
                        + "); containers that existed before attach are seen only when their field is written again"));
        initialization.ifPresent(known -> {
            ExistingContainerScan scan = new ExistingContainerScan(instrumentable, known::isInitialized, sites, registry,
                    LeakwatchConfig.EXISTING_CONTAINER_SCAN_DEPTH, LeakwatchConfig.EXISTING_CONTAINER_SCAN_OBJECTS);
            AgentLog.line("attach: " + scan.scan(instrumentation.getAllLoadedClasses()).describe());
        });
    }

    /** Fields left uninstrumented because the site table was full. */
    public long refusedSites() {
        return sites.refusedSites();
    }

    /** Classes that could not be transformed and were left as they were. */
    public long transformErrors() {
        return transformErrors.get();
    }

    /** Classes left unchanged on purpose, by reason. */
    public SkippedClasses skippedClasses() {
        return skippedClasses;
    }
}
