package io.leakwatch.respond.action;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.LongSupplier;

import io.leakwatch.analysis.Alert;
import io.leakwatch.analysis.Severity;
import io.leakwatch.config.ActionTarget;
import io.leakwatch.config.LeakwatchConfig;
import io.leakwatch.config.ResponseSettings;
import io.leakwatch.export.AlertSink;
import io.leakwatch.log.AgentLog;
import io.leakwatch.log.SuppressedErrors;
import io.leakwatch.log.SuppressedErrors.Source;

/**
 * Answers a WARNING or CRITICAL alert with {@code action.onWarning} or {@code action.onCritical}: at most one
 * action per alert, none for RESOLVED, at most one per site or pool and severity in
 * {@link LeakwatchConfig#ACTION_MIN_INTERVAL_MILLIS}. Called on the sampler thread, it only decides and queues;
 * the action runs on the {@link ActionThread}. With {@code action.dryRun}, it logs what would run instead.
 * Failures are counted ({@link Source#RESPONDER}) and said once per action and kind of failure.
 */
public final class ActionResponder implements AlertSink {

    private final ActionTarget onWarning;
    private final ActionTarget onCritical;
    private final Action warningAction;
    private final Action criticalAction;
    private final boolean dryRun;
    private final ActionRateLimit rateLimit;
    private final ActionThread thread;
    private final IdempotencyKeys keys;
    private final long pid;
    private final LongSupplier monotonicMillis;

    ActionResponder(ActionTarget onWarning, Action warningAction, ActionTarget onCritical, Action criticalAction,
            boolean dryRun, ActionRateLimit rateLimit, ActionThread thread, IdempotencyKeys keys, long pid,
            LongSupplier monotonicMillis) {
        this.onWarning = onWarning;
        this.warningAction = warningAction;
        this.onCritical = onCritical;
        this.criticalAction = criticalAction;
        this.dryRun = dryRun;
        this.rateLimit = rateLimit;
        this.thread = thread;
        this.keys = keys;
        this.pid = pid;
        this.monotonicMillis = monotonicMillis;
    }

    /** The responder for the configured actions; empty when none is configured. */
    public static Optional<AlertSink> of(ResponseSettings settings) {
        if (settings.onWarning().isEmpty() && settings.onCritical().isEmpty()) {
            return Optional.empty();
        }
        WebhookSender sender = new JdkWebhookSender();
        ActionTarget onWarning = settings.onWarning().orElse(null);
        ActionTarget onCritical = settings.onCritical().orElse(null);
        unrunnableCommand("action.onWarning", onWarning).ifPresent(AgentLog::line);
        unrunnableCommand("action.onCritical", onCritical).ifPresent(AgentLog::line);
        return Optional.of(new ActionResponder(onWarning, actionFor(onWarning, sender), onCritical,
                actionFor(onCritical, sender), settings.actionDryRun(),
                new ActionRateLimit(LeakwatchConfig.ACTION_MIN_INTERVAL_MILLIS,
                        LeakwatchConfig.ACTION_REMEMBERED_SUBJECTS),
                ActionThread.start(LeakwatchConfig.ACTION_QUEUE_CAPACITY), IdempotencyKeys.ofThisJvm(),
                ManagementFactory.getRuntimeMXBean().getPid(), () -> System.nanoTime() / 1_000_000L));
    }

    /**
     * A line saying that the command cannot be run as it stands, if so: a typo in a rollback script's path should
     * show at start, not in the middle of an incident. The agent still starts; the command may appear later.
     */
    static Optional<String> unrunnableCommand(String name, ActionTarget target) {
        if (target == null || target.command().isEmpty()) {
            return Optional.empty();
        }
        Path command = target.command().get();
        if (Files.isRegularFile(command) && Files.isExecutable(command)) {
            return Optional.empty();
        }
        return Optional.of(name + " " + target + " is not an executable file now; it will fail when an alert"
                + " calls for it unless it is by then");
    }

    private static Action actionFor(ActionTarget target, WebhookSender sender) {
        if (target == null) {
            return null;
        }
        if (target.command().isPresent()) {
            return new CommandAction(target.command().get(), LeakwatchConfig.ACTION_COMMAND_TIMEOUT_MILLIS);
        }
        return new WebhookAction(target.webhook().get(), sender,
                new WebhookRetryPolicy(LeakwatchConfig.ACTION_WEBHOOK_ATTEMPTS,
                        LeakwatchConfig.ACTION_WEBHOOK_FIRST_BACKOFF_MILLIS),
                WebhookAction::sleep);
    }

    /** Decides and queues; returns at once, never throws. */
    @Override
    public void deliver(Alert alert) {
        try {
            boolean critical = alert.severity() == Severity.CRITICAL;
            if (alert.severity() == Severity.RESOLVED) {
                return;
            }
            ActionTarget target = critical ? onCritical : onWarning;
            Action action = critical ? criticalAction : warningAction;
            if (target == null || !rateLimit.admit(alert, monotonicMillis.getAsLong())) {
                return;
            }
            String key = keys.keyOf(alert);
            String name = critical ? "action.onCritical" : "action.onWarning";
            if (dryRun) {
                AgentLog.line(name + " (dry run) would run " + target + " for " + alert.severity() + " "
                        + alert.kind().label() + " " + alert.subject() + ", idempotency key " + key
                        + "; nothing was run");
                return;
            }
            ActionRequest request = ActionRequest.of(alert, key, pid);
            if (!thread.offer(() -> runAndReport(name, target, action, request))) {
                rateLimit.release(alert);
                SuppressedErrors.count(Source.RESPONDER);
                AgentLog.once("action-queue-full", "too many actions waiting; " + name + " was not run for "
                        + request.summary() + " (further drops are counted in leakwatch.errors.suppressed)");
            }
        } catch (Throwable failure) {
            SuppressedErrors.count(Source.RESPONDER);
            AgentLog.once("action-failed", "could not start an action (" + failure.getClass().getName()
                    + "); alerts are unaffected, further failures are counted in leakwatch.errors.suppressed");
        }
    }

    /** On the action thread. */
    private static void runAndReport(String name, ActionTarget target, Action action, ActionRequest request) {
        ActionOutcome outcome;
        try {
            outcome = action.run(request);
        } catch (Throwable escaped) {
            outcome = ActionOutcome.failed(ActionOutcome.Failure.BROKEN, "failed (" + escaped.getClass().getName() + ")");
        }
        String what = name + " " + target + " for " + request.summary() + " (idempotency key "
                + request.idempotencyKey() + ")";
        if (outcome.succeeded()) {
            AgentLog.line(what + " done");
            return;
        }
        SuppressedErrors.count(Source.RESPONDER);
        AgentLog.once("action:" + name + ":" + outcome.failure(), what + " " + outcome.detail()
                + "; further such failures of " + name + " are counted in leakwatch.errors.suppressed");
    }
}
