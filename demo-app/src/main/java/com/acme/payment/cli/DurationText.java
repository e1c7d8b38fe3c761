package com.acme.payment.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations written the way leakwatch writes them: {@code 250ms}, {@code 90s}, {@code 5m}, {@code 1h}. */
public final class DurationText {
    private static final Pattern FORM = Pattern.compile("(\\d{1,9})(ms|s|m|h)");

    private DurationText() {
    }

    /** Parses a positive duration, or explains the accepted form. */
    public static Duration parse(String text) throws UsageException {
        Matcher matcher = FORM.matcher(text.trim());
        if (!matcher.matches()) {
            throw new UsageException("invalid duration '" + text + "'; expected a number with ms, s, m or h, e.g. 90s or 5m");
        }
        long amount = Long.parseLong(matcher.group(1));
        if (amount == 0) {
            throw new UsageException("invalid duration '" + text + "'; it must be longer than zero");
        }
        return switch (matcher.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofHours(amount);
        };
    }

    /** Formats a duration in the largest unit that divides it exactly, the inverse of {@link #parse}. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 3_600_000 == 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1_000 == 0) {
            return millis / 1_000 + "s";
        }
        return millis + "ms";
    }
}
