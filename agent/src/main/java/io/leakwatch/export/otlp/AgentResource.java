package io.leakwatch.export.otlp;

import java.net.InetAddress;
import java.util.Locale;
import java.util.UUID;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.sdk.resources.Resource;

/**
 * The resource leakwatch describes itself with: this process and host, and a fresh
 * {@code service.instance.id}. Whatever {@code OTEL_SERVICE_NAME} and {@code OTEL_RESOURCE_ATTRIBUTES}
 * say wins over it.
 */
final class AgentResource {

    private AgentResource() {
    }

    static Resource under(Resource configured, String agentVersion) {
        AttributesBuilder attributes = Attributes.builder()
                .put("service.instance.id", UUID.randomUUID().toString())
                .put("process.pid", ProcessHandle.current().pid())
                .put("process.runtime.name", System.getProperty("java.runtime.name", "java"))
                .put("process.runtime.version", System.getProperty("java.runtime.version", ""))
                .put("process.runtime.description", System.getProperty("java.vm.vendor", "") + " "
                        + System.getProperty("java.vm.name", "") + " " + System.getProperty("java.vm.version", ""))
                .put("host.arch", System.getProperty("os.arch", ""))
                .put("os.type", System.getProperty("os.name", "").toLowerCase(Locale.ROOT))
                .put("telemetry.distro.name", "leakwatch")
                .put("telemetry.distro.version", agentVersion);
        String host = hostName();
        if (host != null) {
            attributes.put("host.name", host);
        }
        return Resource.create(attributes.build()).merge(configured);
    }

    /** Runs on the agent's thread, so a slow name lookup delays only leakwatch. */
    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return null;
        }
    }
}
