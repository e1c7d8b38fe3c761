package com.acme.payment;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Scores each order for fraud before it reaches the card issuer; with the fraud-history feature on,
 * it also remembers every transaction to catch an order resubmitted with a different card.
 */
public final class FraudService {
    /** Orders scoring at or above this are rejected without asking the card issuer. */
    static final double BLOCK_THRESHOLD = 0.8;
    static final double RESUBMITTED_ORDER_SCORE = 0.99;

    private final FraudModel model;
    private final boolean historyEnabled;
    private final Clock clock;
    // Keyed by order id. The fraud-history design said "prune entries older than 24 h in a nightly job";
    // the job was never written, so with the feature on this map grows with every checkout, forever.
    private final Map<String, Transaction> recentTransactions = new ConcurrentHashMap<>();

    public FraudService(FraudModel model, boolean historyEnabled, Clock clock) {
        this.model = model;
        this.historyEnabled = historyEnabled;
        this.clock = clock;
    }

    /** Scores {@code order}, the {@code sessionCheckouts}-th checkout of its session, attempted as {@code transactionId}. */
    public FraudAssessment assess(Order order, String transactionId, int sessionCheckouts) {
        float[] features = model.featurize(order, sessionCheckouts);
        double score = model.score(features);
        String blockReason = score >= BLOCK_THRESHOLD ? "fraud_suspected" : null;
        if (historyEnabled) {
            String cardFingerprint = Sha256.hex(order.cardNumber());
            Transaction earlier = recentTransactions.get(order.orderId());
            // The same order paid again with another card is the classic sign of someone trying stolen cards.
            if (earlier != null && !earlier.cardFingerprint().equals(cardFingerprint)) {
                score = Math.max(score, RESUBMITTED_ORDER_SCORE);
                blockReason = "order_resubmitted_with_another_card";
            }
            recentTransactions.put(order.orderId(), new Transaction(transactionId, order.orderId(),
                    order.customerId(), order.merchantId(), order.amountCents(), order.currency(), cardFingerprint,
                    order.cardLast4(), order.email(), order.ipAddress(), order.userAgent(), clock.instant(), score,
                    features));
        }
        return new FraudAssessment(score, blockReason);
    }
}
