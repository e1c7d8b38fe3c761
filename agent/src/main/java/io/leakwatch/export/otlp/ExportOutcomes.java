package io.leakwatch.export.otlp;

import io.leakwatch.export.otlp.jul.SdkWarnings;
import io.leakwatch.log.AgentLog;
import io.opentelemetry.sdk.common.CompletableResultCode;

/**
 * Watches the outcome of every export and says, in one line each, when export starts failing and when
 * it works again: never one line per attempt, however long the endpoint stays away.
 */
final class ExportOutcomes {

    private final String endpoint;
    private boolean failing;

    ExportOutcomes(String endpoint) {
        this.endpoint = endpoint;
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

    private static String reason(Throwable failure) {
        String warning = SdkWarnings.latest();
        if (warning != null) {
            return warning;
        }
        return failure == null ? "no answer" : failure.toString();
    }
}
