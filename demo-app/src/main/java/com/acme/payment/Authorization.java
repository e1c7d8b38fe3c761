package com.acme.payment;

/**
 * The card issuer's answer to an authorisation request.
 *
 * @param approved whether the charge may go ahead
 * @param code the issuer's authorisation code when approved, else {@code null}
 * @param declineReason a machine-readable reason when declined, else {@code null}
 */
public record Authorization(boolean approved, String code, String declineReason) {

    static Authorization approve(String code) {
        return new Authorization(true, code, null);
    }

    static Authorization decline(String reason) {
        return new Authorization(false, null, reason);
    }
}
