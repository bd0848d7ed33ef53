package org.skvmoip.server.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Slows password guessing without letting anyone lock a user out: failures are counted per
 * source, a (user name, address) pair, so failures from one address never delay the right
 * password from another.
 *
 * <p>A source's first {@value #FREE_FAILURES} failures cost nothing (typos); each later one
 * makes that source's next attempt wait 1 s, 2 s, 4 s... up to 5 minutes. A success clears its
 * source. A count is forgotten an hour after its last failure.
 *
 * <p>A global ceiling bounds what guessing can cost the server: attempts from failing sources
 * draw on a budget of password checks ({@code failingChecksPerSecond}, bursts up to
 * {@code failingBurst}); when it is spent, failing sources wait for it, while a source with no
 * recent failure is never refused by the ceiling. A source counts as failing when the pair has
 * failed within the hour, or when its address has failed more than
 * {@value #ADDRESS_FREE_FAILURES} times for any names (so spraying many names from one address
 * is bounded too). Refusals are decided before any password is hashed.
 *
 * <p>Wrong second factor codes are counted per user as well, from any address, with the same
 * free failures and delays, checked only once the password was right: six digits fall to a
 * guesser spread over many addresses otherwise, and only someone holding the password can
 * delay that user's codes.
 *
 * <p>Memory is bounded: at most {@code maxEntries} pairs and as many addresses and users are remembered,
 * the longest quiet dropped first. Dropping is safe: each entry costs its maker a failed,
 * hashed attempt, and the ceiling bounds those from failing sources.
 * Callers pass the address without its port; IPv6 addresses count per /64, the block a single
 * host usually holds.
 */
public final class LoginThrottle {

    public static final int FREE_FAILURES = 3;
    /** Failures of one address for any names before its new names count as failing sources. */
    public static final int ADDRESS_FREE_FAILURES = 10;
    public static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    public static final Duration MAX_DELAY = Duration.ofMinutes(5);
    public static final Duration FORGET_AFTER = Duration.ofHours(1);
    public static final int DEFAULT_MAX_ENTRIES = 50_000;
    /**
     * A few cores' worth of PBKDF2 at 600,000 iterations is a few checks a second: failing
     * sources together may take about one core, the rest stays for everyone else.
     */
    public static final double DEFAULT_FAILING_CHECKS_PER_SECOND = 2;
    public static final int DEFAULT_FAILING_BURST = 20;

    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    /** Whether an attempt may go on to the password check, and if not, why and for how long. */
    public record Verdict(Duration retryAfter, boolean byCeiling) {
        static final Verdict GO = new Verdict(Duration.ZERO, false);

        public boolean allowed() {
            return retryAfter.isZero();
        }
    }

    private final Clock clock;
    private final Counts bySource;
    private final Counts byAddress;
    private final Counts codesByUser;
    private final double failingChecksPerSecond;
    private final int failingBurst;
    private double budget;
    private Instant budgetTime;

    public LoginThrottle() {
        this(Clock.systemUTC(), DEFAULT_MAX_ENTRIES);
    }

    public LoginThrottle(Clock clock, int maxEntries) {
        this(clock, maxEntries, DEFAULT_FAILING_CHECKS_PER_SECOND, DEFAULT_FAILING_BURST);
    }

    public LoginThrottle(Clock clock, int maxEntries, double failingChecksPerSecond, int failingBurst) {
        if (!(failingChecksPerSecond > 0) || failingBurst < 1) {
            throw new IllegalArgumentException("the ceiling needs a positive rate and a burst of at least 1, were "
                    + failingChecksPerSecond + " and " + failingBurst);
        }
        this.clock = clock;
        this.bySource = new Counts(maxEntries);
        this.byAddress = new Counts(maxEntries);
        this.codesByUser = new Counts(maxEntries);
        this.failingChecksPerSecond = failingChecksPerSecond;
        this.failingBurst = failingBurst;
        this.budget = failingBurst;
        this.budgetTime = clock.instant();
    }

    /**
     * Whether this attempt may check a password now. An allowed attempt from a failing source
     * takes its share of the ceiling's budget, so call this once per attempt, right before the check.
     */
    public synchronized Verdict admit(String user, String remoteAddress) {
        Instant now = clock.instant();
        String source = sourceKey(user, remoteAddress);
        String address = addressKey(remoteAddress);
        Duration backoff = bySource.wait(source, now);
        if (backoff.compareTo(Duration.ZERO) > 0) {
            return new Verdict(backoff, false);
        }
        boolean failing = bySource.count(source, now) > 0 || byAddress.count(address, now) > ADDRESS_FREE_FAILURES;
        if (!failing) {
            return Verdict.GO;
        }
        refill(now);
        if (budget < 1) {
            long nanos = (long) Math.ceil((1 - budget) / failingChecksPerSecond * 1e9);
            return new Verdict(Duration.ofNanos(Math.max(1, nanos)), true);
        }
        budget -= 1;
        return Verdict.GO;
    }

    public synchronized void failed(String user, String remoteAddress) {
        Instant now = clock.instant();
        bySource.fail(sourceKey(user, remoteAddress), now);
        byAddress.fail(addressKey(remoteAddress), now);
    }

    /** How long this user's next second factor code must wait before it is checked; zero: go ahead. */
    public synchronized Duration codeWait(String user) {
        return codesByUser.wait(userKey(user), clock.instant());
    }

    /** A wrong code for the user, from any address; the caller counts the source's failure too. */
    public synchronized void codeFailed(String user) {
        codesByUser.fail(userKey(user), clock.instant());
    }

    /** Clears the source; not its address, so one known account cannot hide guesses at others. */
    public synchronized void succeeded(String user, String remoteAddress) {
        bySource.clear(sourceKey(user, remoteAddress));
        codesByUser.clear(userKey(user));
    }

    private void refill(Instant now) {
        double seconds = Duration.between(budgetTime, now).toNanos() / 1e9;
        if (seconds > 0) {
            budget = Math.min(failingBurst, budget + seconds * failingChecksPerSecond);
            budgetTime = now;
        }
    }

    /** Names are bounded in length so that a client cannot make one entry huge. */
    private static String userKey(String user) {
        return user == null ? "" : user.length() > 64 ? user.substring(0, 64) : user;
    }

    private static String sourceKey(String user, String remoteAddress) {
        // A newline is in no address, so no two pairs share a key.
        return addressKey(remoteAddress) + "\n" + userKey(user);
    }

    static String addressKey(String remoteAddress) {
        if (remoteAddress == null) {
            return "";
        }
        String address = remoteAddress.length() > 64 ? remoteAddress.substring(0, 64) : remoteAddress;
        return address.indexOf(':') >= 0 ? prefix64(address) : address;
    }

    /** "2001:db8:1:2::/64" for any address of that block; the address itself when it is no IPv6 literal. */
    private static String prefix64(String address) {
        String literal = address.startsWith("[") && address.endsWith("]")
                ? address.substring(1, address.length() - 1) : address;
        int zone = literal.indexOf('%');
        if (zone >= 0) {
            literal = literal.substring(0, zone);
        }
        // Only hex digits, colons and dots: InetAddress parses it as a literal and never asks DNS.
        if (!IPV6_LITERAL.matcher(literal).matches()) {
            return address;
        }
        try {
            byte[] bytes = InetAddress.getByName(literal).getAddress();
            return bytes.length == 16 ? HexFormat.of().formatHex(bytes, 0, 8) + "::/64" : literal;
        } catch (UnknownHostException e) {
            return address;
        }
    }

    private static final class Failures {
        int count;
        Instant last;
    }

    /** Failure counts by key, least recently failed first, bounded in number and age. */
    private static final class Counts {
        private final int maxEntries;
        private final LinkedHashMap<String, Failures> entries = new LinkedHashMap<>();

        Counts(int maxEntries) {
            if (maxEntries < 1) {
                throw new IllegalArgumentException("maxEntries must be at least 1, was " + maxEntries);
            }
            this.maxEntries = maxEntries;
        }

        int count(String key, Instant now) {
            forgetOld(now);
            Failures failures = entries.get(key);
            return failures == null ? 0 : failures.count;
        }

        Duration wait(String key, Instant now) {
            forgetOld(now);
            Failures failures = entries.get(key);
            if (failures == null || failures.count <= FREE_FAILURES) {
                return Duration.ZERO;
            }
            Duration remaining = Duration.between(now, failures.last.plus(delay(failures.count)));
            return remaining.isNegative() ? Duration.ZERO : remaining;
        }

        void fail(String key, Instant now) {
            forgetOld(now);
            Failures failures = entries.remove(key);
            if (failures == null) {
                failures = new Failures();
                if (entries.size() >= maxEntries) {
                    Iterator<String> oldest = entries.keySet().iterator();
                    oldest.next();
                    oldest.remove();
                }
            }
            failures.count++;
            failures.last = now;
            entries.put(key, failures);
        }

        void clear(String key) {
            entries.remove(key);
        }

        private void forgetOld(Instant now) {
            Iterator<Map.Entry<String, Failures>> oldest = entries.entrySet().iterator();
            while (oldest.hasNext() && !now.isBefore(oldest.next().getValue().last.plus(FORGET_AFTER))) {
                oldest.remove();
            }
        }
    }

    /** The wait after the given number of failures: 1 s after the first paid one, doubling, capped. */
    static Duration delay(int failures) {
        int doublings = failures - FREE_FAILURES - 1;
        if (doublings >= 20) {
            return MAX_DELAY;
        }
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }
}
