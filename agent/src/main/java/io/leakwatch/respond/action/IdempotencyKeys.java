package io.leakwatch.respond.action;

import java.lang.management.ManagementFactory;
import java.lang.management.RuntimeMXBean;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import io.leakwatch.analysis.Alert;

/**
 * The idempotency key of an alert's action: the same for every attempt at it and for any repeat of the same
 * state (kind, site or pool, severity) in the same JVM, different for another state or another JVM, even one
 * with the same process id. A hash, so it names neither the site nor the host.
 */
final class IdempotencyKeys {

    /** 128 bits of the SHA-256: unique enough, and short enough for a header and a log line. */
    private static final int KEY_HEX_CHARS = 32;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final String jvmInstance;

    /** @param jvmInstance what tells this JVM from every other, over time too */
    IdempotencyKeys(String jvmInstance) {
        this.jvmInstance = jvmInstance;
    }

    /** Keys for this JVM: its process id and start time tell it from every other JVM, before and after. */
    static IdempotencyKeys ofThisJvm() {
        RuntimeMXBean runtime = ManagementFactory.getRuntimeMXBean();
        return new IdempotencyKeys(runtime.getPid() + "@" + runtime.getStartTime());
    }

    String keyOf(Alert alert) {
        String state = alert.kind().label() + '\n' + alert.subject() + '\n' + alert.severity() + '\n' + jvmInstance;
        byte[] digest = sha256().digest(state.getBytes(StandardCharsets.UTF_8));
        StringBuilder key = new StringBuilder(KEY_HEX_CHARS);
        for (int i = 0; i < KEY_HEX_CHARS / 2; i++) {
            key.append(HEX[(digest[i] >> 4) & 0xf]).append(HEX[digest[i] & 0xf]);
        }
        return key.toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException mandatory) {
            // Every Java platform must provide SHA-256.
            throw new IllegalStateException(mandatory);
        }
    }
}
