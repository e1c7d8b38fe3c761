package io.leakwatch.export.otlp;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;

/**
 * Keeps alert log records until the endpoint has accepted them, so that alerts raised while the
 * collector is away arrive once it is back. The buffer is bounded: when full, the oldest record is
 * dropped and counted. One export is in flight at a time; {@link #redeliver()} tries again.
 * Delivery is at least once: a record the endpoint took but never confirmed is sent again.
 */
final class RedeliveringLogRecordExporter implements LogRecordExporter {

    private final LogRecordExporter delegate;
    private final ExportOutcomes outcomes;
    private final int capacity;
    private final ArrayDeque<LogRecordData> undelivered = new ArrayDeque<>();
    private final AtomicLong dropped = new AtomicLong();
    private boolean inFlight;

    RedeliveringLogRecordExporter(LogRecordExporter delegate, ExportOutcomes outcomes, int capacity) {
        this.delegate = delegate;
        this.outcomes = outcomes;
        this.capacity = capacity;
    }

    @Override
    public CompletableResultCode export(Collection<LogRecordData> records) {
        synchronized (this) {
            for (LogRecordData record : records) {
                if (undelivered.size() >= capacity) {
                    undelivered.removeFirst();
                    dropped.incrementAndGet();
                }
                undelivered.addLast(record);
            }
        }
        return redeliver();
    }

    /** Sends what is still undelivered, unless an export is already in flight. */
    CompletableResultCode redeliver() {
        List<LogRecordData> batch;
        synchronized (this) {
            if (inFlight || undelivered.isEmpty()) {
                return CompletableResultCode.ofSuccess();
            }
            inFlight = true;
            batch = new ArrayList<>(undelivered);
        }
        CompletableResultCode result;
        try {
            result = outcomes.observe(delegate.export(batch));
        } catch (RuntimeException e) {
            result = CompletableResultCode.ofExceptionalFailure(e);
        }
        CompletableResultCode sent = result;
        sent.whenComplete(() -> settle(batch, sent.isSuccess()));
        return sent;
    }

    private synchronized void settle(List<LogRecordData> batch, boolean delivered) {
        inFlight = false;
        if (delivered) {
            undelivered.removeAll(batch);
        }
    }

    /** Records dropped because the buffer was full. */
    long dropped() {
        return dropped.get();
    }

    /** Records not yet accepted by the endpoint. */
    synchronized int undeliveredCount() {
        return undelivered.size();
    }

    @Override
    public CompletableResultCode flush() {
        return delegate.flush();
    }

    @Override
    public CompletableResultCode shutdown() {
        return delegate.shutdown();
    }
}
