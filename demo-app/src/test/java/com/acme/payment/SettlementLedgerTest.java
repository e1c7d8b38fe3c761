package com.acme.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SettlementLedgerTest {

    @Test
    void totalsBatchesAndPayments() {
        SettlementLedger ledger = new SettlementLedger();
        PaymentResult payment = new PaymentResult("txn", "ord", PaymentStatus.APPROVED, 100, "EUR", "C", null, 0);
        ledger.settle(new SettlementBatch(1, List.of(payment, payment)));
        ledger.settle(new SettlementBatch(2, List.of(payment)));
        assertEquals(2, ledger.batches());
        assertEquals(3, ledger.payments());
    }
}
