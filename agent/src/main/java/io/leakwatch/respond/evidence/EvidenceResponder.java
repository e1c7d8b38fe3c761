package io.leakwatch.respond.evidence;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.leakwatch.analysis.Alert;
import io.leakwatch.analysis.AlertKind;
import io.leakwatch.analysis.Evidence;
import io.leakwatch.analysis.Severity;
import io.leakwatch.config.LeakwatchConfig;
import io.leakwatch.export.AlertSink;
import io.leakwatch.log.AgentLog;
import io.leakwatch.log.AgentThreads;
import io.leakwatch.log.SuppressedErrors;
import io.leakwatch.log.SuppressedErrors.Source;
import io.leakwatch.respond.FollowUpAlerts;

/**
 * When a container site or a heap pool is first reported, records which code allocates the objects it keeps
 * alive: a bounded Flight Recorder recording of old-object samples, one at a time, on a thread of its own; then
 * repeats the alert once with that {@code evidence}. Alerts that arrive while a recording runs are answered from
 * it too. Without Flight Recorder it says so once and the alerts go on without evidence.
 */
public final class EvidenceResponder implements AlertSink {

    private final FollowUpAlerts followUps;
    private final long recordingMillis;
    private final ScheduledExecutorService thread =
            Executors.newSingleThreadScheduledExecutor(new AgentThreads("evidence"));
    private final Set<String> answered = Collections.synchronizedSet(new HashSet<>());
    private final Queue<Alert> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waitingCount = new AtomicInteger();
    private final AtomicBoolean recording = new AtomicBoolean();

    private EvidenceResponder(FollowUpAlerts followUps, long recordingMillis) {
        this.followUps = followUps;
        this.recordingMillis = recordingMillis;
    }

    /** Empty, after one line saying why, when this JVM cannot record old-object samples. */
    public static Optional<AlertSink> start(LeakwatchConfig config, FollowUpAlerts followUps) {
        String unavailable;
        try {
            unavailable = EvidenceRecording.unavailableReason();
        } catch (LinkageError noJfr) {
            unavailable = "Flight Recorder cannot be used (" + noJfr + ")";
        }
        if (unavailable != null) {
            AgentLog.line("alerts will carry no evidence of which code fills a leak: " + unavailable);
            return Optional.empty();
        }
        return Optional.of(new EvidenceResponder(followUps, recordingMillis(config.windowMillis())));
    }

    /**
     * Shortest time a recording runs: half the window, within bounds, long enough to sample a leak's
     * allocations, short enough to matter.
     */
    static long recordingMillis(long windowMillis) {
        return Math.max(LeakwatchConfig.EVIDENCE_MIN_RECORDING_MILLIS,
                Math.min(LeakwatchConfig.EVIDENCE_MAX_RECORDING_MILLIS_OF_WINDOW,
                        (long) (windowMillis * LeakwatchConfig.EVIDENCE_RECORDING_SHARE_OF_WINDOW)));
    }

    @Override
    public void deliver(Alert alert) {
        if (!wantsEvidence(alert) || answered.size() >= LeakwatchConfig.MAX_SITES
                || !answered.add(alert.kind() + "|" + alert.subject())) {
            return;
        }
        if (waitingCount.incrementAndGet() > LeakwatchConfig.EVIDENCE_MAX_WAITING_ALERTS) {
            waitingCount.decrementAndGet();
            return;
        }
        waiting.add(alert);
        startRecordingUnlessRunning();
    }

    /** The first report of a container site or a heap pool; not a RESOLVED, not metadata or buffers. */
    private static boolean wantsEvidence(Alert alert) {
        return alert.severity() != Severity.RESOLVED
                && (alert.kind() == AlertKind.CONTAINER || alert.kind() == AlertKind.HEAP);
    }

    private void startRecordingUnlessRunning() {
        if (recording.compareAndSet(false, true)) {
            thread.execute(this::record);
        }
    }

    private void record() {
        try {
            EvidenceRecording started = EvidenceRecording.start();
            long collectionsBefore = CollectionCount.sinceStart();
            long startedNanos = System.nanoTime();
            thread.schedule(() -> finishWhenDue(started, startedNanos, collectionsBefore), recordingMillis,
                    TimeUnit.MILLISECONDS);
        } catch (Throwable failure) {
            SuppressedErrors.count(Source.RESPONDER);
            AgentLog.once("evidence-start", "could not start a Flight Recorder recording for evidence (" + failure
                    + "); alerts go on without evidence");
            waiting.clear();
            waitingCount.set(0);
            recording.set(false);
        }
    }

    /**
     * The JVM writes only sampled objects that have lived through a collection since they were sampled, so the
     * recording runs until collections have followed its start (or its longest time has passed).
     */
    private void finishWhenDue(EvidenceRecording started, long startedNanos, long collectionsBefore) {
        boolean collected = CollectionCount.sinceStart() - collectionsBefore >= LeakwatchConfig.EVIDENCE_MIN_COLLECTIONS;
        boolean tooLong = System.nanoTime() - startedNanos >= TimeUnit.MILLISECONDS.toNanos(
                LeakwatchConfig.EVIDENCE_MAX_RECORDING_MILLIS);
        if (collected || tooLong) {
            finish(started, startedNanos);
        } else {
            thread.schedule(() -> finishWhenDue(started, startedNanos, collectionsBefore),
                    LeakwatchConfig.EVIDENCE_COLLECTION_POLL_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    private void finish(EvidenceRecording started, long startedNanos) {
        List<Alert> alerts = new ArrayList<>();
        try {
            long[] pauseNanos = new long[1];
            EvidenceRecording.Recorded samples = started.stopAndRead(nanos -> pauseNanos[0] = nanos);
            Alert alert;
            while ((alert = waiting.poll()) != null) {
                waitingCount.decrementAndGet();
                alerts.add(alert);
            }
            lookOnOrAnswer(new Answering(alerts, samples, startedNanos, pauseNanos[0]));
        } catch (Throwable failure) {
            SuppressedErrors.count(Source.RESPONDER);
            AgentLog.once("evidence-read", "could not read the Flight Recorder recording for evidence (" + failure
                    + "); alerts go on without evidence");
            started.close();
            releaseRecording();
        }
    }

    /**
     * Answers the alerts, unless the old objects named the class of a container's entries and no allocation of it
     * was sampled yet (a small entry among big objects is sampled rarely): then allocations alone are recorded for
     * another while, a few times at most, to find the line that makes them.
     */
    private void lookOnOrAnswer(Answering answering) {
        if (answering.rounds < LeakwatchConfig.EVIDENCE_MAX_ENTRY_ROUNDS
                && answering.alerts.stream().anyMatch(answering::lacksEntryAllocation)) {
            try {
                EvidenceRecording round = EvidenceRecording.startAllocationsOnly();
                thread.schedule(() -> finishRound(round, answering), recordingMillis, TimeUnit.MILLISECONDS);
                return;
            } catch (Throwable failure) {
                SuppressedErrors.count(Source.RESPONDER);
            }
        }
        for (Alert alert : answering.alerts) {
            answer(alert, answering.samples, TimeUnit.NANOSECONDS.toSeconds(System.nanoTime()
                    - answering.startedNanos), answering.pauseNanos);
        }
        releaseRecording();
    }

    private void finishRound(EvidenceRecording round, Answering answering) {
        Answering more = answering;
        try {
            more = answering.withAllocationsOf(round.stopAndRead(nanos -> { }));
        } catch (Throwable failure) {
            SuppressedErrors.count(Source.RESPONDER);
            round.close();
        }
        try {
            lookOnOrAnswer(more);
        } catch (Throwable failure) {
            SuppressedErrors.count(Source.RESPONDER);
            releaseRecording();
        }
    }

    private void releaseRecording() {
        recording.set(false);
        if (!waiting.isEmpty()) {
            startRecordingUnlessRunning();
        }
    }

    private void answer(Alert alert, EvidenceRecording.Recorded samples, long recordedSeconds, long pauseNanos) {
        List<Evidence> evidence = EvidenceSelector.select(samples.oldObjects, samples.allocations,
                alert.kind() == AlertKind.CONTAINER ? alert.site() : null);
        String what = alert.kind() == AlertKind.CONTAINER ? alert.site() : "heap pool '" + alert.pool() + "'";
        if (evidence.isEmpty()) {
            AgentLog.line("no evidence for " + what + ": of " + samples.oldObjects.size() + " old objects sampled in "
                    + recordedSeconds + " s, none was kept alive by it");
            return;
        }
        AgentLog.line("evidence for " + what + " from a " + recordedSeconds + " s Flight Recorder recording"
                + " (stopping it, with the search for GC roots, took " + TimeUnit.NANOSECONDS.toMillis(pauseNanos)
                + " ms)");
        followUps.repeat(alert.amend().evidence(evidence).build());
    }

    /** Alerts waiting for the evidence of one recording, and what it found so far. */
    private static final class Answering {
        final List<Alert> alerts;
        final EvidenceRecording.Recorded samples;
        final long startedNanos;
        final long pauseNanos;
        /** Recordings of allocations alone made since. */
        final int rounds;

        Answering(List<Alert> alerts, EvidenceRecording.Recorded samples, long startedNanos, long pauseNanos) {
            this(alerts, samples, startedNanos, pauseNanos, 0);
        }

        private Answering(List<Alert> alerts, EvidenceRecording.Recorded samples, long startedNanos, long pauseNanos,
                int rounds) {
            this.alerts = alerts;
            this.samples = samples;
            this.startedNanos = startedNanos;
            this.pauseNanos = pauseNanos;
            this.rounds = rounds;
        }

        boolean lacksEntryAllocation(Alert alert) {
            return alert.kind() == AlertKind.CONTAINER && EvidenceSelector.entryTypeNotYetSampled(
                    samples.oldObjects, samples.allocations, alert.site()) != null;
        }

        Answering withAllocationsOf(EvidenceRecording.Recorded later) {
            return new Answering(alerts, samples.withAllocationsOf(later), startedNanos, pauseNanos, rounds + 1);
        }
    }
}
