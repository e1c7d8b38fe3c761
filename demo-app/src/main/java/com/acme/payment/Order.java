package com.acme.payment;

/**
 * A checkout request as the merchant's shop sends it; optional fields are empty strings, never null.
 *
 * @param orderId the shop's own id for the order, unique per order
 * @param customerId the shop's id for the paying customer
 * @param merchantId who receives the money
 * @param amountCents the amount to charge, in minor units of {@code currency}
 * @param currency ISO 4217 code, e.g. {@code EUR}
 * @param cardNumber the primary account number, digits only
 * @param cardExpiry {@code MM/YY}
 * @param email the customer's e-mail address, optional
 * @param ipAddress the address the customer's browser connected from, optional
 * @param userAgent the customer's browser, optional
 * @param billingCountry ISO 3166 alpha-2 code of the card's billing address, optional
 * @param shippingCountry ISO 3166 alpha-2 code of the delivery address, optional
 */
public record Order(
        String orderId,
        String customerId,
        String merchantId,
        long amountCents,
        String currency,
        String cardNumber,
        String cardExpiry,
        String email,
        String ipAddress,
        String userAgent,
        String billingCountry,
        String shippingCountry) {

    /** The last four digits of the card, the only part that may appear in logs and receipts. */
    public String cardLast4() {
        return cardNumber.substring(cardNumber.length() - 4);
    }

    /** A SHA-256 over every field, card number included, to tell whether two requests carry the same order. */
    public String digest() {
        StringBuilder canonical = new StringBuilder(256);
        for (String field : new String[] {orderId, customerId, merchantId, Long.toString(amountCents), currency,
                cardNumber, cardExpiry, email, ipAddress, userAgent, billingCountry, shippingCountry}) {
            // Length-prefixed, so that no two different orders run together into the same text.
            canonical.append(field.length()).append(':').append(field);
        }
        return Sha256.hex(canonical.toString());
    }

    /** Masks the card number, so that an order that reaches a log line does not leak it. */
    @Override
    public String toString() {
        return "Order[orderId=" + orderId + ", customerId=" + customerId + ", merchantId=" + merchantId
                + ", amountCents=" + amountCents + ", currency=" + currency + ", card=****" + cardLast4() + "]";
    }
}
