package com.acme.payment;

/** Orders for tests: a valid, low-risk one to start from, and variations of it. */
final class Orders {
    static final String VALID_CARD = "4242424242424242";

    private Orders() {
    }

    static Order valid(String orderId) {
        return new Order(orderId, "cust-1", "merchant-0001", 2_500, "EUR", VALID_CARD, "12/30", "ann@example.com",
                "198.51.100.7", "Mozilla/5.0", "DE", "DE");
    }

    static Order withCard(Order order, String cardNumber) {
        return new Order(order.orderId(), order.customerId(), order.merchantId(), order.amountCents(), order.currency(),
                cardNumber, order.cardExpiry(), order.email(), order.ipAddress(), order.userAgent(),
                order.billingCountry(), order.shippingCountry());
    }

    static Order withAmount(Order order, long amountCents) {
        return new Order(order.orderId(), order.customerId(), order.merchantId(), amountCents, order.currency(),
                order.cardNumber(), order.cardExpiry(), order.email(), order.ipAddress(), order.userAgent(),
                order.billingCountry(), order.shippingCountry());
    }

    static Order withCountries(Order order, String billing, String shipping) {
        return new Order(order.orderId(), order.customerId(), order.merchantId(), order.amountCents(), order.currency(),
                order.cardNumber(), order.cardExpiry(), order.email(), order.ipAddress(), order.userAgent(), billing,
                shipping);
    }

    static Order withExpiry(Order order, String expiry) {
        return new Order(order.orderId(), order.customerId(), order.merchantId(), order.amountCents(), order.currency(),
                order.cardNumber(), expiry, order.email(), order.ipAddress(), order.userAgent(),
                order.billingCountry(), order.shippingCountry());
    }
}
