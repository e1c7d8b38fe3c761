package io.leakwatch.export.otlp.jul;

/** The OpenTelemetry SDK's latest warning, one line, for leakwatch's own notices. */
public final class SdkWarnings {

    private static final int MAX_LENGTH = 240;

    private static volatile String latest;

    private SdkWarnings() {
    }

    static void record(String message) {
        if (message == null) {
            return;
        }
        String line = message.replaceAll("\\s+", " ").trim();
        latest = line.length() > MAX_LENGTH ? line.substring(0, MAX_LENGTH) + "..." : line;
    }

    /** The latest warning, or null if the SDK has warned of nothing. */
    public static String latest() {
        return latest;
    }
}
