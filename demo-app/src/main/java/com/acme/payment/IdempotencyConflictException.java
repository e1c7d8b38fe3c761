package com.acme.payment;

/** Thrown when an idempotency key comes back with a different order than the one it was first used for. */
public final class IdempotencyConflictException extends Exception {
    private static final long serialVersionUID = 1L;

    public IdempotencyConflictException(String idempotencyKey) {
        super("idempotency key '" + idempotencyKey + "' was already used for a different order");
    }
}
