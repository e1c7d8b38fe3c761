package io.leakwatch.config;

/** A configuration value that cannot be used; the message is the one line shown to the user. */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
