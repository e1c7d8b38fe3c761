package io.leakwatch.instrument;

import java.lang.instrument.Instrumentation;
import java.security.ProtectionDomain;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.leakwatch.config.LeakwatchConfig;
import io.leakwatch.log.AgentLog;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.AsmVisitorWrapper;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.loading.ClassInjector;
import net.bytebuddy.implementation.Implementation;
import net.bytebuddy.jar.asm.MethodVisitor;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.matcher.ElementMatchers;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.JavaModule;

/**
 * Installs the Byte Buddy transformer that hands every container written to a field of a watched
 * class to the bridge. Only classes of the configured packages are touched; JDK classes, the agent's
 * own and other agents' classes never are.
 */
public final class FieldWriteInstrumentation {

    /** Packages that belong to the JDK, to this agent, or to other agents and code generators. */
    private static final List<String> NEVER_TRANSFORMED = List.of(
            "java.", "javax.", "jdk.", "sun.", "com.sun.", "io.leakwatch.", "net.bytebuddy.",
            "io.opentelemetry.javaagent.", "co.elastic.apm.", "datadog.", "com.datadoghq.", "com.newrelic.",
            "com.dynatrace.", "org.glowroot.");

    private final LeakwatchConfig config;
    private final SiteTable sites;
    private final AtomicLong transformedClasses = new AtomicLong();
    private final AtomicLong transformErrors = new AtomicLong();

    public FieldWriteInstrumentation(LeakwatchConfig config, SiteTable sites) {
        this.config = config;
        this.sites = sites;
    }

    /** Registers the transformer; classes already loaded are retransformed where they match. */
    public void install(Instrumentation instrumentation) {
        // The rewrite injects no classes, so Byte Buddy needs no Unsafe (which newer JDKs warn about
        // on stderr). The property is in the relocated namespace and concerns only this agent's copy.
        System.setProperty(ClassInjector.UsingUnsafe.SAFE_PROPERTY, "true");
        ContainerFieldTypes containerTypes = new ContainerFieldTypes();
        AsmVisitorWrapper fieldWrites = new AsmVisitorWrapper.ForDeclaredMethods()
                .invokable(ElementMatchers.any(), new AsmVisitorWrapper.ForDeclaredMethods.MethodVisitorWrapper() {
                    @Override
                    public MethodVisitor wrap(TypeDescription instrumentedType, MethodDescription instrumentedMethod,
                            MethodVisitor methodVisitor, Implementation.Context implementationContext,
                            TypePool typePool, int writerFlags, int readerFlags) {
                        return new FieldWriteVisitor(methodVisitor, containerTypes, typePool, sites);
                    }
                });
        new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.TypeStrategy.Default.DECORATE)
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(new ErrorCountingListener())
                .ignore(neverTransformed())
                .or(ElementMatchers.any(), ElementMatchers.isBootstrapClassLoader())
                .type(watchedClasses())
                .transform((DynamicType.Builder<?> builder, TypeDescription type, ClassLoader loader,
                        JavaModule module, ProtectionDomain domain) -> builder.visit(fieldWrites))
                .installOn(instrumentation);
    }

    private static ElementMatcher.Junction<TypeDescription> neverTransformed() {
        ElementMatcher.Junction<TypeDescription> ignored = ElementMatchers.<TypeDescription>isSynthetic()
                .or(ElementMatchers.nameContains("$$"));
        for (String prefix : NEVER_TRANSFORMED) {
            ignored = ignored.or(ElementMatchers.nameStartsWith(prefix));
        }
        return ignored;
    }

    private ElementMatcher.Junction<TypeDescription> watchedClasses() {
        return new ElementMatcher.Junction.AbstractBase<TypeDescription>() {
            @Override
            public boolean matches(TypeDescription type) {
                return config.isWatchedClass(type.getName());
            }
        };
    }

    /** Classes whose bytecode was rewritten since start. */
    public long transformedClasses() {
        return transformedClasses.get();
    }

    /** Classes that could not be transformed and were left as they were. */
    public long transformErrors() {
        return transformErrors.get();
    }

    /** Counts transformations and errors; an error is reported once and the class loads unchanged. */
    private final class ErrorCountingListener extends AgentBuilder.Listener.Adapter {
        @Override
        public void onTransformation(TypeDescription type, ClassLoader loader, JavaModule module, boolean loaded,
                DynamicType dynamicType) {
            transformedClasses.incrementAndGet();
        }

        @Override
        public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded,
                Throwable error) {
            transformErrors.incrementAndGet();
            AgentLog.once("transform-error", "could not instrument " + typeName + " (" + error
                    + "); it runs unchanged, and further such errors are counted silently");
        }
    }
}
