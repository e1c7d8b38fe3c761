package com.acme.payment;

/** Thrown when a checkout request is not a valid order; the message is safe to return to the caller. */
public final class InvalidOrderException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidOrderException(String message) {
        super(message);
    }
}
