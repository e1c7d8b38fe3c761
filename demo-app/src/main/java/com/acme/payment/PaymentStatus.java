package com.acme.payment;

/** How a checkout ended. */
public enum PaymentStatus {
    /** The card issuer authorised the charge. */
    APPROVED,
    /** The card issuer refused the charge. */
    DECLINED,
    /** Fraud scoring stopped the charge before it reached the issuer. */
    REJECTED
}
