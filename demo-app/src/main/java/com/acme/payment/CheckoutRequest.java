package com.acme.payment;

/**
 * The body of {@code POST /checkout} as it arrived, before validation: every field may be missing, which
 * Jackson leaves as {@code null}; {@link OrderParser} turns it into a valid {@link Order} or names what is wrong.
 */
record CheckoutRequest(
        String orderId,
        String customerId,
        String merchantId,
        Long amountCents,
        String currency,
        String cardNumber,
        String cardExpiry,
        String email,
        String ipAddress,
        String userAgent,
        String billingCountry,
        String shippingCountry) {
}
