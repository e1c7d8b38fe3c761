package com.acme.scenarios;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * An application that replaces {@code System.err} with a stream whose every write throws, as one whose
 * logging framework closed the stream under it, and leaks while it is broken. On a line {@code second}
 * on stdin a second leak starts; with the argument {@code restore}, the original stderr is put back first.
 */
public final class BrokenStderr {

    /** Grows from the start, while stderr is broken. */
    static final class FirstLeak {
        static final Map<String, byte[]> ENTRIES = new HashMap<>();
    }

    /** Grows only after the test says so. */
    static final class SecondLeak {
        static final Map<String, byte[]> ENTRIES = new HashMap<>();
    }

    /** Every write fails with an unchecked exception, which PrintStream passes on to the caller. */
    static final class ThrowingStream extends OutputStream {
        @Override
        public void write(int b) {
            throw new IllegalStateException("stderr is closed");
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            throw new IllegalStateException("stderr is closed");
        }
    }

    private static volatile boolean secondStarted;

    public static void main(String[] args) throws Exception {
        boolean restore = args.length > 0 && "restore".equals(args[0]);
        PrintStream original = System.err;
        System.setErr(new PrintStream(new ThrowingStream(), true));
        Thread commands = new Thread(() -> awaitSecond(original, restore), "commands");
        commands.setDaemon(true);
        commands.start();
        System.out.println("stderr replaced by a stream that throws");
        for (int round = 0; ; round++) {
            for (int i = 0; i < 20; i++) {
                FirstLeak.ENTRIES.put(Integer.toString(round * 20 + i), new byte[16]);
                if (secondStarted) {
                    SecondLeak.ENTRIES.put(Integer.toString(round * 20 + i), new byte[16]);
                }
            }
            Thread.sleep(50);
        }
    }

    private static void awaitSecond(PrintStream original, boolean restore) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if ("second".equals(line)) {
                    if (restore) {
                        System.setErr(original);
                        System.out.println("stderr restored");
                    }
                    secondStarted = true;
                    System.out.println("second leak started");
                }
            }
        } catch (Exception e) {
            System.out.println("commands failed: " + e);
        }
    }
}
