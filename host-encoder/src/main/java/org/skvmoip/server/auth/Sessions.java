package org.skvmoip.server.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Login tokens: random, unguessable, expiring; presented as "Authorization: Bearer <token>".
 *
 * <p>A token is 32 random bytes, base64url without padding (43 characters). It dies 12 hours
 * after login, or after 1 hour without use, or when revoked. Each user holds at most 16 live
 * tokens (a new login past that revokes the user's oldest), so a script logging in in a loop
 * cannot fill memory. Tokens are kept only as SHA-256 digests: a heap dump does not hand them out.
 */
public final class Sessions {

    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(12);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofHours(1);
    public static final int DEFAULT_TOKENS_PER_USER = 16;

    private static final int TOKEN_BYTES = 32;
    private static final int TOKEN_CHARS = 43;

    private final Clock clock;
    private final Duration lifetime;
    private final Duration idleTimeout;
    private final int tokensPerUser;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> byDigest = new HashMap<>();
    private final Map<String, ArrayDeque<String>> digestsByUser = new HashMap<>();

    private static final class Session {
        final String user;
        final Instant issued;
        Instant lastUsed;

        Session(String user, Instant issued) {
            this.user = user;
            this.issued = issued;
            this.lastUsed = issued;
        }
    }

    public Sessions() {
        this(Clock.systemUTC(), DEFAULT_LIFETIME, DEFAULT_IDLE_TIMEOUT, DEFAULT_TOKENS_PER_USER);
    }

    public Sessions(Clock clock, Duration lifetime, Duration idleTimeout, int tokensPerUser) {
        if (lifetime.isNegative() || lifetime.isZero() || idleTimeout.isNegative() || idleTimeout.isZero()) {
            throw new IllegalArgumentException("lifetime and idle timeout must be positive");
        }
        if (tokensPerUser < 1) {
            throw new IllegalArgumentException("tokensPerUser must be at least 1, was " + tokensPerUser);
        }
        this.clock = clock;
        this.lifetime = lifetime;
        this.idleTimeout = idleTimeout;
        this.tokensPerUser = tokensPerUser;
    }

    /** A new token for a user who just logged in. */
    public synchronized String issue(String user) {
        Instant now = clock.instant();
        forgetExpired(now);
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String digest = digest(token);
        ArrayDeque<String> tokens = digestsByUser.computeIfAbsent(user, u -> new ArrayDeque<>());
        while (tokens.size() >= tokensPerUser) {
            byDigest.remove(tokens.removeFirst());
        }
        tokens.addLast(digest);
        byDigest.put(digest, new Session(user, now));
        return token;
    }

    /** The user a live token belongs to; empty for unknown or expired tokens. Counts as a use. */
    public synchronized Optional<String> user(String token) {
        if (token == null || token.length() != TOKEN_CHARS) {
            return Optional.empty();
        }
        String digest = digest(token);
        Session session = byDigest.get(digest);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (expired(session, now)) {
            drop(digest, session.user);
            return Optional.empty();
        }
        session.lastUsed = now;
        return Optional.of(session.user);
    }

    public synchronized void revoke(String token) {
        if (token == null || token.length() != TOKEN_CHARS) {
            return;
        }
        String digest = digest(token);
        Session session = byDigest.get(digest);
        if (session != null) {
            drop(digest, session.user);
        }
    }

    /** Ends every session of the user: after a password change or removal. */
    public synchronized void revokeAll(String user) {
        ArrayDeque<String> tokens = digestsByUser.remove(user);
        if (tokens != null) {
            tokens.forEach(byDigest::remove);
        }
    }

    /** Live tokens of the user. */
    public synchronized int count(String user) {
        forgetExpired(clock.instant());
        ArrayDeque<String> tokens = digestsByUser.get(user);
        return tokens == null ? 0 : tokens.size();
    }

    private boolean expired(Session session, Instant now) {
        return !now.isBefore(session.issued.plus(lifetime)) || !now.isBefore(session.lastUsed.plus(idleTimeout));
    }

    private void forgetExpired(Instant now) {
        Iterator<Map.Entry<String, Session>> sessions = byDigest.entrySet().iterator();
        while (sessions.hasNext()) {
            Map.Entry<String, Session> entry = sessions.next();
            if (expired(entry.getValue(), now)) {
                sessions.remove();
                removeFromUser(entry.getKey(), entry.getValue().user);
            }
        }
    }

    private void drop(String digest, String user) {
        byDigest.remove(digest);
        removeFromUser(digest, user);
    }

    private void removeFromUser(String digest, String user) {
        ArrayDeque<String> tokens = digestsByUser.get(user);
        if (tokens != null) {
            tokens.remove(digest);
            if (tokens.isEmpty()) {
                digestsByUser.remove(user);
            }
        }
    }

    private static String digest(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
