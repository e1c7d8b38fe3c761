package com.acme.payment;

import java.util.List;

/**
 * Approved payments sent to the acquirer together for capture, as card networks expect.
 *
 * @param sequence the batch number, counting from 1
 * @param payments the approved payments in the order they were approved
 */
public record SettlementBatch(long sequence, List<PaymentResult> payments) {

    public SettlementBatch {
        payments = List.copyOf(payments);
    }
}
