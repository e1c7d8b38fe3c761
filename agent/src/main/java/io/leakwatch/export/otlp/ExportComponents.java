package io.leakwatch.export.otlp;

import java.util.Collections;
import java.util.function.Supplier;

import io.opentelemetry.common.ComponentLoader;
import io.opentelemetry.sdk.common.export.HttpSenderProvider;

/**
 * Where the SDK finds its pluggable parts: in the agent's own class loader, except the HTTP sender, which is
 * leakwatch's, so that both signals' exporters share one HttpClient and leakwatch's threads.
 */
final class ExportComponents implements ComponentLoader {

    private final ComponentLoader agentClasses = ComponentLoader.forClassLoader(OtlpExport.class.getClassLoader());
    private final Supplier<HttpSenderProvider> senders;

    /** @param senders asked when the first exporter is built, after the settings are known */
    ExportComponents(Supplier<HttpSenderProvider> senders) {
        this.senders = senders;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Iterable<T> load(Class<T> type) {
        if (type == HttpSenderProvider.class) {
            return (Iterable<T>) Collections.singletonList(senders.get());
        }
        return agentClasses.load(type);
    }
}
