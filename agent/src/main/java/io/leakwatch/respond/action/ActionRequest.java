package io.leakwatch.respond.action;

import java.util.Map;

import io.leakwatch.analysis.Alert;
import io.leakwatch.export.AlertJson;

/** What an action is given for one alert: its JSON, its fields as environment variables, and its idempotency key. */
final class ActionRequest {

    private final String summary;
    private final String json;
    private final Map<String, String> environment;
    private final String idempotencyKey;

    private ActionRequest(String summary, String json, Map<String, String> environment, String idempotencyKey) {
        this.summary = summary;
        this.json = json;
        this.environment = environment;
        this.idempotencyKey = idempotencyKey;
    }

    static ActionRequest of(Alert alert, String idempotencyKey, long pid) {
        String summary = alert.severity() + " " + alert.kind().label() + " " + alert.subject();
        return new ActionRequest(summary, AlertJson.toJson(alert), ActionEnvironment.of(alert, idempotencyKey, pid),
                idempotencyKey);
    }

    /** {@code WARNING container com.acme.Cache#entries}, for log lines. */
    String summary() {
        return summary;
    }

    /** The alert as the one-line JSON object of {@code events.file}. */
    String json() {
        return json;
    }

    /** {@code LEAKWATCH_*} variables, for a command. */
    Map<String, String> environment() {
        return environment;
    }

    String idempotencyKey() {
        return idempotencyKey;
    }
}
