package com.acme.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettlementBatcherTest {
    private final List<SettlementBatch> sent = new ArrayList<>();

    @Test
    void flushSendsEverythingPendingAsOneBatchAndEmptiesTheBuffer() {
        SettlementBatcher batcher = new SettlementBatcher(100, sent::add);
        batcher.add(payment("txn-1"));
        batcher.add(payment("txn-2"));
        assertEquals(2, batcher.pendingCount());

        batcher.flush();

        assertEquals(0, batcher.pendingCount());
        assertEquals(1, sent.size());
        assertEquals(1, sent.get(0).sequence());
        assertEquals(List.of("txn-1", "txn-2"),
                sent.get(0).payments().stream().map(PaymentResult::transactionId).toList());
    }

    @Test
    void flushWithNothingPendingSendsNothing() {
        SettlementBatcher batcher = new SettlementBatcher(100, sent::add);
        batcher.flush();
        assertTrue(sent.isEmpty());
    }

    @Test
    void aFullBatchIsSentWithoutWaitingForTheSchedule() {
        SettlementBatcher batcher = new SettlementBatcher(3, sent::add);
        for (int i = 0; i < 7; i++) {
            batcher.add(payment("txn-" + i));
        }
        assertEquals(2, sent.size());
        assertEquals(1, batcher.pendingCount());
        batcher.flush();
        assertEquals(List.of(3, 3, 1), sent.stream().map(batch -> batch.payments().size()).toList());
        assertEquals(List.of(1L, 2L, 3L), sent.stream().map(SettlementBatch::sequence).toList());
    }

    @Test
    void aSentBatchIsNotChangedByLaterPayments() {
        SettlementBatcher batcher = new SettlementBatcher(100, sent::add);
        batcher.add(payment("txn-1"));
        batcher.flush();
        batcher.add(payment("txn-2"));
        assertEquals(1, sent.get(0).payments().size());
    }

    private static PaymentResult payment(String transactionId) {
        return new PaymentResult(transactionId, "ord", PaymentStatus.APPROVED, 100, "EUR", "ABC123", null, 0.1);
    }
}
