package io.leakwatch.respond.action;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;

import org.junit.jupiter.api.Test;

import io.leakwatch.analysis.Alert;
import io.leakwatch.analysis.AlertKind;
import io.leakwatch.analysis.Severity;
import io.leakwatch.config.ConfigParser;
import io.leakwatch.config.ResponseSettings;
import io.leakwatch.log.SuppressedErrors;
import io.leakwatch.log.SuppressedErrors.Source;

class ActionResponderTest {

    private static final long MINUTE = 60_000;

    private final List<String> ran = new ArrayList<>();
    private final List<ActionRequest> requests = new ArrayList<>();
    private long now = 0;

    private static ResponseSettings settings(String argument) throws Exception {
        return new ConfigParser(notice -> { }).parse(argument, Map.of(), Map.of()).responses();
    }

    private Action recording(String name) {
        return request -> {
            ran.add(name);
            requests.add(request);
            return ActionOutcome.done();
        };
    }

    private ActionResponder responder(String argument, ActionThread thread) throws Exception {
        ResponseSettings settings = settings(argument);
        return new ActionResponder(settings.onWarning().orElse(null), recording("onWarning"),
                settings.onCritical().orElse(null), recording("onCritical"), settings.actionDryRun(),
                new ActionRateLimit(10 * MINUTE, 100), thread, new IdempotencyKeys("1@2"), 99, () -> now);
    }

    private static Alert alert(String site, Severity severity) {
        return Alert.builder(Instant.EPOCH, severity, AlertKind.CONTAINER).site(site).size(300).build();
    }

    @Test
    void eachSeverityRunsItsOwnActionAndResolvedRunsNone() throws Exception {
        ActionResponder responder = responder("action.onWarning=exec:/opt/warn,action.onCritical=https://h/x",
                new ActionThread(Runnable::run));

        responder.deliver(alert("A#f", Severity.WARNING));
        responder.deliver(alert("A#f", Severity.CRITICAL));
        responder.deliver(alert("A#f", Severity.RESOLVED));

        assertEquals(List.of("onWarning", "onCritical"), ran);
        assertEquals(new IdempotencyKeys("1@2").keyOf(alert("A#f", Severity.CRITICAL)),
                requests.get(1).idempotencyKey());
        assertEquals("99", requests.get(1).environment().get("LEAKWATCH_PID"));
    }

    @Test
    void aSeverityWithoutActionRunsNothing() throws Exception {
        ActionResponder responder = responder("action.onCritical=exec:/opt/crit", new ActionThread(Runnable::run));

        responder.deliver(alert("A#f", Severity.WARNING));

        assertTrue(ran.isEmpty());
    }

    @Test
    void aFlappingLeakActsOncePerInterval() throws Exception {
        ActionResponder responder = responder("action.onWarning=exec:/opt/warn", new ActionThread(Runnable::run));

        responder.deliver(alert("A#f", Severity.WARNING));
        responder.deliver(alert("A#f", Severity.RESOLVED));
        now = 3 * MINUTE;
        responder.deliver(alert("A#f", Severity.WARNING));
        responder.deliver(alert("B#f", Severity.WARNING));
        now = 11 * MINUTE;
        responder.deliver(alert("A#f", Severity.WARNING));

        assertEquals(3, ran.size());
        assertEquals(List.of("A#f", "B#f", "A#f"),
                requests.stream().map(request -> request.environment().get("LEAKWATCH_SITE")).toList());
    }

    @Test
    void aDryRunRunsNothing() throws Exception {
        List<Runnable> queued = new ArrayList<>();
        ActionResponder responder = responder("action.onWarning=exec:/opt/warn,action.dryRun=true",
                new ActionThread(queued::add));

        responder.deliver(alert("A#f", Severity.WARNING));

        assertTrue(queued.isEmpty());
        assertTrue(ran.isEmpty());
    }

    @Test
    void anActionDroppedFromAFullQueueIsCountedAndMayRunNextTime() throws Exception {
        boolean[] full = {true};
        ActionResponder responder = responder("action.onWarning=exec:/opt/warn", new ActionThread(task -> {
            if (full[0]) {
                throw new RejectedExecutionException("full");
            }
            task.run();
        }));
        long countedBefore = SuppressedErrors.total(Source.RESPONDER);

        responder.deliver(alert("A#f", Severity.WARNING));
        full[0] = false;
        responder.deliver(alert("A#f", Severity.WARNING));

        assertEquals(countedBefore + 1, SuppressedErrors.total(Source.RESPONDER));
        assertEquals(List.of("onWarning"), ran);
    }

    @Test
    void aCommandThatCannotRunIsNamedAtStartAndAWebhookIsNot() throws Exception {
        ResponseSettings missing = settings("action.onCritical=exec:/no/such/rollback.sh,action.onWarning=https://h/x");
        assertEquals(Optional.of("action.onCritical exec:/no/such/rollback.sh is not an executable file now; it will"
                + " fail when an alert calls for it unless it is by then"),
                ActionResponder.unrunnableCommand("action.onCritical", missing.onCritical().orElseThrow()));
        assertEquals(Optional.empty(),
                ActionResponder.unrunnableCommand("action.onWarning", missing.onWarning().orElseThrow()));
        ResponseSettings shell = settings("action.onCritical=exec:/bin/sh");
        assertEquals(Optional.empty(),
                ActionResponder.unrunnableCommand("action.onCritical", shell.onCritical().orElseThrow()));
    }
}
