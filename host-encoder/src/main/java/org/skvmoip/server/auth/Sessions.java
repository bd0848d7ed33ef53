package org.skvmoip.server.auth;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Login tokens: random, unguessable, expiring; presented as "Authorization: Bearer <token>".
 *
 * <p>A token is 32 random bytes, base64url without padding (43 characters). It dies 12 hours
 * after login, or after 1 hour without use (an open socket of the token is use), or when
 * revoked. Each user holds at most 16 live tokens (a new login past that ends the user's oldest),
 * so a script logging in in a loop cannot fill memory. Tokens are kept only as SHA-256 digests:
 * a heap dump does not hand them out.
 *
 * <p>Every WebSocket opened with a token is attached to it ({@link #attach}); whatever ends the
 * token (logout, expiry, eviction, a change of the account) tells its sockets why, so none of
 * them outlives the token. Why a token ended is remembered for the last
 * {@value #REMEMBERED_ENDINGS} tokens, so a client presenting one can be told.
 */
public final class Sessions {

    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(12);
    public static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofHours(1);
    public static final int DEFAULT_TOKENS_PER_USER = 16;

    public static final String LOGGED_OUT = "logged out";
    public static final String EXPIRED = "session expired";
    public static final String ACCOUNT_CHANGED = "account changed by an administrator: log in again";

    static final int REMEMBERED_ENDINGS = 4096;

    private static final System.Logger LOG = System.getLogger(Sessions.class.getName());
    private static final int TOKEN_BYTES = 32;
    private static final int TOKEN_CHARS = 43;

    /** Told once when the token it is attached to ends; called on the thread that ended it, without locks held. */
    @FunctionalInterface
    public interface Ending {
        void ended(String reason);
    }

    /** A live token as the caller may know it. */
    public record Live(String user, Instant expires, boolean secondFactor) {
    }

    private final Clock clock;
    private final Duration lifetime;
    private final Duration idleTimeout;
    private final int tokensPerUser;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Session> byDigest = new HashMap<>();
    private final Map<String, ArrayDeque<String>> digestsByUser = new HashMap<>();
    private final Map<String, String> endings = new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED_ENDINGS;
        }
    };

    private static final class Session {
        final String user;
        final Instant issued;
        final boolean secondFactor;
        final Set<Ending> sockets = new LinkedHashSet<>();
        Instant lastUsed;

        Session(String user, Instant issued, boolean secondFactor) {
            this.user = user;
            this.issued = issued;
            this.secondFactor = secondFactor;
            this.lastUsed = issued;
        }
    }

    /** Sockets to tell, collected under the lock and told after it. */
    private record Told(List<Ending> sockets, String reason) {
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

    /** The reason a token's sockets are given when a login past the per-user limit ends it. */
    public String evictedReason() {
        return "session ended: signed in " + (tokensPerUser + 1) + " times, the oldest session is ended";
    }

    /** A new token for a user who just logged in with their password only. */
    public String issue(String user) {
        return issue(user, false);
    }

    /** @param secondFactor the login also proved a second factor (GET /api/session tells the client) */
    public String issue(String user, boolean secondFactor) {
        List<Told> told = new ArrayList<>();
        String token;
        synchronized (this) {
            Instant now = clock.instant();
            forgetExpired(now, told);
            byte[] bytes = new byte[TOKEN_BYTES];
            random.nextBytes(bytes);
            token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            String digest = digest(token);
            ArrayDeque<String> tokens = digestsByUser.computeIfAbsent(user, u -> new ArrayDeque<>());
            while (tokens.size() >= tokensPerUser) {
                end(tokens.peekFirst(), evictedReason(), told);
            }
            digestsByUser.computeIfAbsent(user, u -> new ArrayDeque<>()).addLast(digest);
            byDigest.put(digest, new Session(user, now, secondFactor));
        }
        tell(told);
        return token;
    }

    /** The user a live token belongs to; empty for unknown or expired tokens. Counts as a use. */
    public Optional<String> user(String token) {
        return live(token, true).map(Live::user);
    }

    /** The live token's user, end of life and second factor; does not count as a use. */
    public Optional<Live> live(String token) {
        return live(token, false);
    }

    private Optional<Live> live(String token, boolean use) {
        if (token == null || token.length() != TOKEN_CHARS) {
            return Optional.empty();
        }
        List<Told> told = new ArrayList<>();
        Optional<Live> live;
        synchronized (this) {
            String digest = digest(token);
            Session session = byDigest.get(digest);
            Instant now = clock.instant();
            if (session == null) {
                live = Optional.empty();
            } else if (expired(session, now)) {
                end(digest, EXPIRED, told);
                live = Optional.empty();
            } else {
                if (use) {
                    session.lastUsed = now;
                }
                live = Optional.of(new Live(session.user, session.issued.plus(lifetime), session.secondFactor));
            }
        }
        tell(told);
        return live;
    }

    /** Why the token ended, when it ended recently enough to be remembered (see the class comment). */
    public synchronized Optional<String> endedReason(String token) {
        if (token == null || token.length() != TOKEN_CHARS) {
            return Optional.empty();
        }
        return Optional.ofNullable(endings.get(digest(token)));
    }

    /**
     * Attaches a socket to a live token: it is told when the token ends, unless it detaches first
     * (closing the returned handle).
     *
     * @return empty when the token has ended already: the socket must not open
     */
    public Optional<AutoCloseable> attach(String token, Ending socket) {
        if (token == null || token.length() != TOKEN_CHARS) {
            return Optional.empty();
        }
        List<Told> told = new ArrayList<>();
        Optional<AutoCloseable> handle;
        synchronized (this) {
            String digest = digest(token);
            Session session = byDigest.get(digest);
            if (session == null) {
                handle = Optional.empty();
            } else if (expired(session, clock.instant())) {
                end(digest, EXPIRED, told);
                handle = Optional.empty();
            } else {
                session.sockets.add(socket);
                handle = Optional.of(() -> detach(session, socket));
            }
        }
        tell(told);
        return handle;
    }

    private synchronized void detach(Session session, Ending socket) {
        if (session.sockets.remove(socket) && session.sockets.isEmpty()) {
            // The idle time counts from the last socket's close, not from the login before it.
            session.lastUsed = clock.instant();
        }
    }

    /** Logs the token out; its sockets are told {@link #LOGGED_OUT}. */
    public void revoke(String token) {
        if (token == null || token.length() != TOKEN_CHARS) {
            return;
        }
        List<Told> told = new ArrayList<>();
        synchronized (this) {
            end(digest(token), LOGGED_OUT, told);
        }
        tell(told);
    }

    /**
     * Ends every token of the user and closes their sockets with the reason: after a change of
     * their password, role, grants or second factor, or their removal.
     */
    public void endUser(String user, String reason) {
        List<Told> told = new ArrayList<>();
        synchronized (this) {
            ArrayDeque<String> tokens = digestsByUser.get(user);
            if (tokens != null) {
                for (String digest : List.copyOf(tokens)) {
                    end(digest, reason, told);
                }
            }
        }
        tell(told);
    }

    /** Ends every session of the user with {@link #ACCOUNT_CHANGED}. */
    public void revokeAll(String user) {
        endUser(user, ACCOUNT_CHANGED);
    }

    /** Ends the tokens that expired, closing their sockets; the server calls it every few seconds. */
    public void sweep() {
        List<Told> told = new ArrayList<>();
        synchronized (this) {
            forgetExpired(clock.instant(), told);
        }
        tell(told);
    }

    /** Live tokens of the user. */
    public int count(String user) {
        sweep();
        synchronized (this) {
            ArrayDeque<String> tokens = digestsByUser.get(user);
            return tokens == null ? 0 : tokens.size();
        }
    }

    private boolean expired(Session session, Instant now) {
        return !now.isBefore(session.issued.plus(lifetime))
                || session.sockets.isEmpty() && !now.isBefore(session.lastUsed.plus(idleTimeout));
    }

    private void forgetExpired(Instant now, List<Told> told) {
        List<String> expired = new ArrayList<>();
        for (Iterator<Map.Entry<String, Session>> it = byDigest.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Session> entry = it.next();
            if (expired(entry.getValue(), now)) {
                expired.add(entry.getKey());
            }
        }
        for (String digest : expired) {
            end(digest, EXPIRED, told);
        }
    }

    private void end(String digest, String reason, List<Told> told) {
        Session session = byDigest.remove(digest);
        if (session == null) {
            return;
        }
        ArrayDeque<String> tokens = digestsByUser.get(session.user);
        if (tokens != null) {
            tokens.remove(digest);
            if (tokens.isEmpty()) {
                digestsByUser.remove(session.user);
            }
        }
        endings.put(digest, reason);
        if (!session.sockets.isEmpty()) {
            told.add(new Told(List.copyOf(session.sockets), reason));
            session.sockets.clear();
        }
    }

    private static void tell(List<Told> told) {
        for (Told t : told) {
            for (Ending socket : t.sockets()) {
                try {
                    socket.ended(t.reason());
                } catch (RuntimeException e) {
                    LOG.log(Level.ERROR, "a socket could not be told that its token ended", e);
                }
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
