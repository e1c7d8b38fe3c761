package com.acme.payment.cli;

/** Thrown when the command line or environment cannot be understood; the message tells the user what to fix. */
public final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
