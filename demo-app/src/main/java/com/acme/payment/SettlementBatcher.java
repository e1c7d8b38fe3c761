package com.acme.payment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Collects approved payments and hands them to the acquirer in batches: on a schedule, or sooner
 * when a batch is full, so that the buffer never holds more than one batch.
 */
public final class SettlementBatcher {
    private final int maxBatchSize;
    private final Consumer<SettlementBatch> acquirer;
    private final List<PaymentResult> pending = new ArrayList<>();
    private long batchesSent;

    /** Creates a batcher that sends to {@code acquirer} at most {@code maxBatchSize} payments at a time. */
    public SettlementBatcher(int maxBatchSize, Consumer<SettlementBatch> acquirer) {
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("maxBatchSize must be at least 1, got " + maxBatchSize);
        }
        this.maxBatchSize = maxBatchSize;
        this.acquirer = acquirer;
    }

    /** Queues an approved payment for the next batch, sending the batch at once if this fills it. */
    public void add(PaymentResult approved) {
        SettlementBatch full = null;
        synchronized (this) {
            pending.add(approved);
            if (pending.size() >= maxBatchSize) {
                full = takePending();
            }
        }
        if (full != null) {
            acquirer.accept(full);
        }
    }

    /** Sends whatever is queued as one batch; called on a schedule and at shutdown. Does nothing when empty. */
    public void flush() {
        SettlementBatch batch;
        synchronized (this) {
            if (pending.isEmpty()) {
                return;
            }
            batch = takePending();
        }
        // Sent outside the lock, so that a slow acquirer never stalls checkouts.
        acquirer.accept(batch);
    }

    /** How many payments wait for the next batch. */
    public synchronized int pendingCount() {
        return pending.size();
    }

    private SettlementBatch takePending() {
        SettlementBatch batch = new SettlementBatch(++batchesSent, pending);
        pending.clear();
        return batch;
    }
}
