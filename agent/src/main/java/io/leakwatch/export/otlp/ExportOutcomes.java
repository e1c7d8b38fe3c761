package io.leakwatch.export.otlp;

import io.leakwatch.export.otlp.jul.SdkWarnings;
import io.leakwatch.log.EchoedValue;
import io.leakwatch.log.AgentLog;
import io.opentelemetry.sdk.common.CompletableResultCode;

/**
 * Watches the outcome of every export and says, in one line each, when export starts failing and when
 * it works again: never one line per attempt, however long the endpoint stays away. The endpoint is named
 * without its credentials, and the reason without any secret of the OTLP settings.
 */
final class ExportOutcomes {

    /** Longest endpoint shown: enough for any real host, port and path. */
    private static final int MAX_ENDPOINT_CHARS = 200;

    private final String endpoint;
    private final OtlpSecrets secrets;
    private boolean failing;

    ExportOutcomes(String endpoint, OtlpSecrets secrets) {
        this.endpoint = EchoedValue.of(RedactedUrl.of(endpoint), MAX_ENDPOINT_CHARS);
        this.secrets = secrets;
    }

    /** Notes the result once it completes; returns it unchanged. */
    CompletableResultCode observe(CompletableResultCode result) {
        result.whenComplete(() -> {
            if (result.isSuccess()) {
                succeeded();
            } else {
                failed(reason(result.getFailureThrowable()));
            }
        });
        return result;
    }

    private synchronized void succeeded() {
        if (failing) {
            failing = false;
            AgentLog.line("OTLP export to " + endpoint + " works again");
        }
    }

    private synchronized void failed(String reason) {
        if (!failing) {
            failing = true;
            AgentLog.line("OTLP export to " + endpoint + " failed (" + reason + "); the application is unaffected,"
                    + " leakwatch keeps the latest alerts and retries quietly, and says when export works again");
        }
    }

    private String reason(Throwable failure) {
        String warning = SdkWarnings.latest();
        if (warning != null) {
            return secrets.mask(warning);
        }
        return failure == null ? "no answer" : secrets.mask(failure.toString());
    }
}
