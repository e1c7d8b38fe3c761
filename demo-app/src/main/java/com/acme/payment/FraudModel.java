package com.acme.payment;

import java.util.SplittableRandom;

/**
 * A logistic-regression fraud model over a dense feature vector: a few hand-made risk signals
 * followed by hashed slots for the order's categorical attributes (merchant, card BIN, e-mail domain, ...).
 */
public final class FraudModel {
    /**
     * Length of every feature vector: wide, so that unrelated values rarely share a hashed slot. At 2.5 KB a
     * vector is most of what a remembered transaction costs, so this also sets how fast fraud history grows.
     */
    public static final int DIMENSIONS = 640;

    private static final int BIAS = 0;
    private static final int LOG_AMOUNT = 1;
    private static final int SESSION_VELOCITY = 2;
    private static final int COUNTRY_MISMATCH = 3;
    private static final int NO_EMAIL = 4;
    private static final int NO_IP_ADDRESS = 5;
    private static final int LARGE_AMOUNT = 6;
    private static final int FIRST_HASHED = 7;
    private static final long LARGE_AMOUNT_CENTS = 100_000;
    /** A session with this many checkouts or more counts as fully "fast"; card testers go far beyond it. */
    private static final int VELOCITY_CEILING = 20;

    private final float[] weights = new float[DIMENSIONS];

    /** Creates the model with its fixed weights; the hashed weights stand in for trained ones. */
    public FraudModel() {
        weights[BIAS] = -3.0f;
        weights[LOG_AMOUNT] = 1.5f;
        weights[SESSION_VELOCITY] = 3.0f;
        weights[COUNTRY_MISMATCH] = 2.0f;
        weights[NO_EMAIL] = 0.5f;
        weights[NO_IP_ADDRESS] = 0.5f;
        weights[LARGE_AMOUNT] = 1.0f;
        // A fixed seed keeps scores reproducible from run to run, as a trained model's would be.
        SplittableRandom random = new SplittableRandom(20_240_601L);
        for (int i = FIRST_HASHED; i < DIMENSIONS; i++) {
            weights[i] = (float) (random.nextDouble() * 0.2 - 0.1);
        }
    }

    /** Builds the feature vector of {@code order} placed as the {@code sessionCheckouts}-th checkout of its session. */
    public float[] featurize(Order order, int sessionCheckouts) {
        float[] features = new float[DIMENSIONS];
        features[BIAS] = 1f;
        features[LOG_AMOUNT] = (float) (Math.log10(order.amountCents() / 100.0 + 1) / 4);
        features[SESSION_VELOCITY] = Math.min(sessionCheckouts, VELOCITY_CEILING) / (float) VELOCITY_CEILING;
        boolean bothCountries = !order.billingCountry().isEmpty() && !order.shippingCountry().isEmpty();
        features[COUNTRY_MISMATCH] = bothCountries && !order.billingCountry().equals(order.shippingCountry()) ? 1f : 0f;
        features[NO_EMAIL] = order.email().isEmpty() ? 1f : 0f;
        features[NO_IP_ADDRESS] = order.ipAddress().isEmpty() ? 1f : 0f;
        features[LARGE_AMOUNT] = order.amountCents() >= LARGE_AMOUNT_CENTS ? 1f : 0f;
        hash(features, "merchant", order.merchantId());
        hash(features, "currency", order.currency());
        hash(features, "bin", order.cardNumber().substring(0, 6));
        hash(features, "emailDomain", order.email().substring(order.email().indexOf('@') + 1));
        hash(features, "network", order.ipAddress().substring(0, Math.max(0, order.ipAddress().lastIndexOf('.'))));
        hash(features, "userAgent", order.userAgent());
        hash(features, "route", order.billingCountry() + ">" + order.shippingCountry());
        return features;
    }

    /** The probability of fraud the model assigns to {@code features}. */
    public double score(float[] features) {
        double logit = 0;
        for (int i = 0; i < DIMENSIONS; i++) {
            logit += weights[i] * features[i];
        }
        return 1 / (1 + Math.exp(-logit));
    }

    private static void hash(float[] features, String name, String value) {
        int slot = FIRST_HASHED + Math.floorMod((name + '=' + value).hashCode(), DIMENSIONS - FIRST_HASHED);
        features[slot] += 1f;
    }
}
