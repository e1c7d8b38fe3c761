package com.acme.payment.json;

/** Thrown when text is not the flat JSON object this service accepts; the message says where and why. */
public final class JsonException extends Exception {
    private static final long serialVersionUID = 1L;

    public JsonException(String message) {
        super(message);
    }
}
