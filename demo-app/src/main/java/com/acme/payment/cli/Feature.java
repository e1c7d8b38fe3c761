package com.acme.payment.cli;

import java.util.Arrays;
import java.util.stream.Collectors;

/** An optional behaviour of the service that is off unless switched on by name. */
public enum Feature {
    /** Keeps every scored transaction so that fraud scoring can look back at history (never evicted). */
    FRAUD_HISTORY("fraud-history");

    private final String flagName;

    Feature(String flagName) {
        this.flagName = flagName;
    }

    /** The name used on the command line and in {@code DEMO_FEATURES}. */
    public String flagName() {
        return flagName;
    }

    /** Looks a feature up by its flag name, naming the known ones when there is no match. */
    public static Feature fromFlagName(String name) throws UsageException {
        for (Feature feature : values()) {
            if (feature.flagName.equals(name)) {
                return feature;
            }
        }
        throw new UsageException("unknown feature '" + name + "'; known features: " + knownNames());
    }

    static String knownNames() {
        return Arrays.stream(values()).map(Feature::flagName).collect(Collectors.joining(", "));
    }
}
