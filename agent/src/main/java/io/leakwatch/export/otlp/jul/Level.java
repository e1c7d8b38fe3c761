package io.leakwatch.export.otlp.jul;

/**
 * Stands in for {@code java.util.logging.Level} inside the relocated OpenTelemetry SDK: the agent jar's
 * shade step points the SDK's references here, so that the agent never initialises
 * {@code java.util.logging} before the application has chosen its LogManager.
 */
public final class Level {

    public static final Level SEVERE = new Level(1000);
    public static final Level WARNING = new Level(900);
    public static final Level INFO = new Level(800);
    public static final Level FINE = new Level(500);
    public static final Level FINER = new Level(400);
    public static final Level FINEST = new Level(300);

    private final int value;

    private Level(int value) {
        this.value = value;
    }

    boolean isProblem() {
        return value >= WARNING.value;
    }
}
