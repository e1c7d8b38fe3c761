package com.acme.payment;

import java.util.concurrent.atomic.LongAdder;

/** Stands in for the acquirer: accepts settlement batches and keeps only running totals of them. */
public final class SettlementLedger {
    private final LongAdder batches = new LongAdder();
    private final LongAdder payments = new LongAdder();

    /** Accepts one batch for capture. */
    public void settle(SettlementBatch batch) {
        batches.increment();
        payments.add(batch.payments().size());
    }

    /** How many batches were accepted. */
    public long batches() {
        return batches.sum();
    }

    /** How many payments those batches held. */
    public long payments() {
        return payments.sum();
    }
}
