package com.acme.scenarios;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.logging.LogManager;

/**
 * An application that chooses its own LogManager late, as application servers do, only once told on
 * stdin; by then leakwatch's OpenTelemetry SDK has been running for a while.
 */
public final class LateLogManager {

    public static void main(String[] args) throws Exception {
        System.out.println("started");
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        in.readLine();
        System.setProperty("java.util.logging.manager", QuietLogManager.class.getName());
        System.out.println("log manager: " + LogManager.getLogManager().getClass().getName());
    }

    /** The application's own LogManager. */
    public static final class QuietLogManager extends LogManager {
    }
}
