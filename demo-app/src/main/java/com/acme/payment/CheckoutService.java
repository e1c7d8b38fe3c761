package com.acme.payment;

import java.util.UUID;
import java.util.function.Supplier;

/** Runs one checkout: idempotency, session velocity, fraud scoring, card authorisation, then settlement. */
public final class CheckoutService {
    private final IdempotencyCache idempotency;
    private final SessionStore sessions;
    private final FraudService fraud;
    private final PaymentAuthorizer authorizer;
    private final SettlementBatcher settlement;
    private final Supplier<String> transactionIds;

    public CheckoutService(IdempotencyCache idempotency, SessionStore sessions, FraudService fraud,
            PaymentAuthorizer authorizer, SettlementBatcher settlement) {
        this(idempotency, sessions, fraud, authorizer, settlement, () -> "txn_" + UUID.randomUUID());
    }

    CheckoutService(IdempotencyCache idempotency, SessionStore sessions, FraudService fraud,
            PaymentAuthorizer authorizer, SettlementBatcher settlement, Supplier<String> transactionIds) {
        this.idempotency = idempotency;
        this.sessions = sessions;
        this.fraud = fraud;
        this.authorizer = authorizer;
        this.settlement = settlement;
        this.transactionIds = transactionIds;
    }

    /**
     * Checks out {@code order}. With an idempotency key, a repeat of the same order returns the first
     * result without charging again; without one, every call is a new attempt.
     *
     * @param idempotencyKey the client's key for this attempt, or {@code null} or blank for none
     * @throws IdempotencyConflictException when the key was used before for a different order
     */
    public CheckoutOutcome checkout(String idempotencyKey, Order order) throws IdempotencyConflictException {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            return new CheckoutOutcome(process(order), false);
        }
        return idempotency.getOrCompute(idempotencyKey, order.digest(), () -> process(order));
    }

    private PaymentResult process(Order order) {
        String transactionId = transactionIds.get();
        int sessionCheckouts = sessions.recordCheckout(order.customerId());
        FraudAssessment assessment = fraud.assess(order, transactionId, sessionCheckouts);
        if (assessment.blocked()) {
            return result(order, transactionId, PaymentStatus.REJECTED, null, assessment.blockReason(), assessment);
        }
        Authorization authorization = authorizer.authorize(order, transactionId);
        if (!authorization.approved()) {
            return result(order, transactionId, PaymentStatus.DECLINED, null, authorization.declineReason(), assessment);
        }
        PaymentResult approved = result(order, transactionId, PaymentStatus.APPROVED, authorization.code(), null,
                assessment);
        settlement.add(approved);
        return approved;
    }

    private static PaymentResult result(Order order, String transactionId, PaymentStatus status, String code,
            String reason, FraudAssessment assessment) {
        return new PaymentResult(transactionId, order.orderId(), status, order.amountCents(), order.currency(), code,
                reason, assessment.score());
    }
}
