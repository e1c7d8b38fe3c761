package com.acme.scenarios;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * One application thread works on a {@link WeakHashMap} whose keys get collected while it works.
 * WeakHashMap is not thread-safe, and even its size() writes it: it expunges the entries of collected
 * keys. Here a remove() compares the key slowly against another token (a remote check, say) and a
 * collection happens meanwhile; if another thread expunges the collected entry that remove() has just
 * passed, remove() unlinks its key from that detached entry instead of from the map, and the map's
 * count goes wrong for good. Alone with its map the thread always ends with a consistent one: with
 * every key removed or collected, size() is 0 and iteration finds nothing. Prints whether it is, then
 * leaks, in that map and in a synchronized list, so that a test can tell a safe agent from a deaf one.
 */
public final class WeakMapUnderSampling {

    /** A session token; the tokens of one round share a hash code, so they share a bucket. */
    static final class Token {
        private final int round;
        private final boolean remote;

        Token(int round, boolean remote) {
            this.round = round;
            this.remote = remote;
        }

        @Override
        public int hashCode() {
            return round;
        }

        @Override
        public boolean equals(Object other) {
            if (other == this || other == null) {
                return other == this;
            }
            if (other instanceof Token && ((Token) other).remote) {
                checkRemotely();
            }
            return false;
        }

        /** Slow, and the service's other work churns memory meanwhile: a collection happens. */
        private static void checkRemotely() {
            System.gc();
            try {
                Thread.sleep(40);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** The application's cache of per-token metadata, keyed weakly. */
    static final class MetadataCache {
        private final Map<Token, String> byToken = new WeakHashMap<>();
    }

    /** Every token ever handed out, kept by mistake. */
    static final class TokenAudit {
        private final List<Token> issued = Collections.synchronizedList(new ArrayList<>());
    }

    private static final int ITERATION_LIMIT = 10_000_000;

    public static void main(String[] args) throws InterruptedException {
        int rounds = Integer.parseInt(args[0]);
        MetadataCache cache = new MetadataCache();
        Map<Token, String> map = cache.byToken;
        for (int round = 0; round < rounds; round++) {
            oneRound(map, round);
        }
        for (int attempt = 0; attempt < 40 && map.size() > 0; attempt++) {
            System.gc();
            Thread.sleep(50);
        }
        int size = map.size();
        int iterated = 0;
        for (Map.Entry<Token, String> entry : map.entrySet()) {
            if (++iterated >= ITERATION_LIMIT) {
                break;
            }
        }
        boolean consistent = size == 0 && iterated == 0;
        System.out.println("weak map " + (consistent ? "consistent" : "CORRUPTED") + ": size=" + size
                + " iterated=" + iterated);
        TokenAudit audit = new TokenAudit();
        for (int round = rounds; ; round++) {
            for (int i = 0; i < 40; i++) {
                Token token = new Token(round, false);
                audit.issued.add(token);
                map.put(token, "kept");
            }
            Thread.sleep(10);
        }
    }

    /**
     * The bucket holds, from its head: a remote token, a token that is dropped just before the remove,
     * and the token removed. The dropped one is collected during the slow comparison.
     */
    private static void oneRound(Map<Token, String> map, int round) {
        Token removed = new Token(round, false);
        map.put(removed, "removed");
        map.put(new Token(round, false), "dropped");
        Token remote = new Token(round, true);
        map.put(remote, "remote");
        map.remove(removed);
        map.remove(remote);
    }
}
