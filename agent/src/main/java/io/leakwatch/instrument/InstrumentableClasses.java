package io.leakwatch.instrument;

import java.util.function.Predicate;

import io.leakwatch.config.LeakwatchConfig;

/**
 * Which classes, by binary name, the agent may instrument: those of the configured packages, never the
 * JDK's, the agent's own or other agents', and never generated ones ({@code $$} in the name). A class rather
 * than a method reference: the transformer is made in {@code premain}, where a lambda's first use costs the
 * application a millisecond of start-up.
 */
final class InstrumentableClasses implements Predicate<String> {

    private final LeakwatchConfig config;

    InstrumentableClasses(LeakwatchConfig config) {
        this.config = config;
    }

    @Override
    public boolean test(String binaryName) {
        if (binaryName.contains("$$")) {
            return false;
        }
        for (String excluded : LeakwatchConfig.NEVER_INSTRUMENTED_PACKAGES) {
            if (binaryName.startsWith(excluded) && binaryName.length() > excluded.length()
                    && binaryName.charAt(excluded.length()) == '.') {
                return false;
            }
        }
        return config.isWatchedClass(binaryName);
    }
}
