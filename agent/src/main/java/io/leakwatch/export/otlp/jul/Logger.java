package io.leakwatch.export.otlp.jul;

/**
 * Stands in for {@code java.util.logging.Logger} inside the relocated OpenTelemetry SDK (see {@link Level}).
 * Nothing is printed: the SDK would log every failed export, and leakwatch says such things once, in
 * its own words. Its latest warning is kept for those words.
 */
public final class Logger {

    private Logger() {
    }

    public static Logger getLogger(String name) {
        return new Logger();
    }

    /** Only warnings are of use, and only as the latest one. */
    public boolean isLoggable(Level level) {
        return level.isProblem();
    }

    public void log(Level level, String message) {
        record(level, message, null);
    }

    public void log(Level level, String message, Throwable thrown) {
        record(level, message, thrown);
    }

    public void log(Level level, String message, Object parameter) {
        record(level, message, null);
    }

    public void log(Level level, String message, Object[] parameters) {
        record(level, message, null);
    }

    public void warning(String message) {
        record(Level.WARNING, message, null);
    }

    public void info(String message) {
        record(Level.INFO, message, null);
    }

    public void fine(String message) {
        record(Level.FINE, message, null);
    }

    private static void record(Level level, String message, Throwable thrown) {
        if (level.isProblem()) {
            SdkWarnings.record(thrown == null ? message : message + " (" + thrown + ")");
        }
    }
}
