package com.acme.payment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class FraudServiceTest {
    private static final String OTHER_CARD = "5555555555554444";

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T12:00:00Z"));
    private final FraudModel model = new FraudModel();

    @Test
    void anOrdinaryOrderGoesThroughWithALowScore() {
        FraudAssessment assessment = new FraudService(model, false, clock).assess(Orders.valid("ord-1"), "txn-1", 1);
        assertFalse(assessment.blocked());
        assertNull(assessment.blockReason());
        assertTrue(assessment.score() < 0.2, "score " + assessment.score());
    }

    @Test
    void aLargeOrderShippedAbroadInAFastSessionIsBlocked() {
        Order risky = Orders.withCountries(Orders.withAmount(Orders.valid("ord-1"), 400_000), "DE", "US");
        FraudAssessment assessment = new FraudService(model, false, clock).assess(risky, "txn-1", 15);
        assertTrue(assessment.blocked());
        assertEquals("fraud_suspected", assessment.blockReason());
        assertTrue(assessment.score() >= FraudService.BLOCK_THRESHOLD);
    }

    @Test
    void eachRiskSignalRaisesTheScore() {
        FraudService fraud = new FraudService(model, false, clock);
        Order order = Orders.valid("ord-1");
        double base = fraud.assess(order, "txn-1", 1).score();
        assertTrue(fraud.assess(order, "txn-2", 10).score() > base, "session velocity");
        assertTrue(fraud.assess(Orders.withCountries(order, "DE", "FR"), "txn-3", 1).score() > base, "country mismatch");
        assertTrue(fraud.assess(Orders.withAmount(order, 150_000), "txn-4", 1).score() > base, "large amount");
    }

    @Test
    void withHistoryAnOrderResubmittedWithAnotherCardIsBlocked() {
        FraudService fraud = new FraudService(model, true, clock);
        Order order = Orders.valid("ord-1");
        assertFalse(fraud.assess(order, "txn-1", 1).blocked());
        assertFalse(fraud.assess(order, "txn-2", 1).blocked(), "same card again is a retry, not fraud");

        FraudAssessment resubmitted = fraud.assess(Orders.withCard(order, OTHER_CARD), "txn-3", 1);

        assertTrue(resubmitted.blocked());
        assertEquals("order_resubmitted_with_another_card", resubmitted.blockReason());
        assertEquals(FraudService.RESUBMITTED_ORDER_SCORE, resubmitted.score());
    }

    @Test
    void withoutHistoryNothingIsRememberedBetweenOrders() {
        FraudService fraud = new FraudService(model, false, clock);
        Order order = Orders.valid("ord-1");
        fraud.assess(order, "txn-1", 1);
        assertFalse(fraud.assess(Orders.withCard(order, OTHER_CARD), "txn-2", 1).blocked());
    }

    @Test
    void scoresAreReproducible() {
        Order order = Orders.valid("ord-1");
        assertEquals(new FraudService(new FraudModel(), false, clock).assess(order, "a", 3).score(),
                new FraudService(new FraudModel(), false, clock).assess(order, "b", 3).score());
    }

    @Test
    void theFeatureVectorHasTheModelsWidthAndTheBiasSet() {
        float[] features = model.featurize(Orders.valid("ord-1"), 1);
        assertEquals(FraudModel.DIMENSIONS, features.length);
        assertEquals(1f, features[0]);
    }
}
