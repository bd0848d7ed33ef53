package org.skvmoip.server.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Slows password guessing: after a few failures for a user name or from an address, further
 * attempts are refused (HTTP 429 with Retry-After) for a delay that doubles with each failure.
 *
 * <p>The first {@value #FREE_FAILURES} failures cost nothing (typos); each later one makes the
 * next attempt wait 1 s, 2 s, 4 s... up to 5 minutes. User names and addresses are counted
 * separately, so guessing one user's password from many addresses and many users' passwords
 * from one address are both slowed. A successful login clears its user's count but not its
 * address's: one known account must not reset an address that is guessing others. A count is
 * forgotten an hour after its last failure, and at most {@code maxEntries} names and as many
 * addresses are remembered (the longest quiet forgotten first), so memory stays bounded.
 * Callers pass the address without its port; IPv6 addresses count per /64, the block a single
 * host usually holds.
 */
public final class LoginThrottle {

    public static final int FREE_FAILURES = 3;
    public static final Duration FIRST_DELAY = Duration.ofSeconds(1);
    public static final Duration MAX_DELAY = Duration.ofMinutes(5);
    public static final Duration FORGET_AFTER = Duration.ofHours(1);
    public static final int DEFAULT_MAX_ENTRIES = 10_000;

    private static final Pattern IPV6_LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

    private final Clock clock;
    private final Counts byUser;
    private final Counts byAddress;

    public LoginThrottle() {
        this(Clock.systemUTC(), DEFAULT_MAX_ENTRIES);
    }

    public LoginThrottle(Clock clock, int maxEntries) {
        this.clock = clock;
        this.byUser = new Counts(maxEntries);
        this.byAddress = new Counts(maxEntries);
    }

    /** How long this attempt must wait before a password is even checked; zero: go ahead. */
    public synchronized Duration retryAfter(String user, String remoteAddress) {
        Instant now = clock.instant();
        Duration forUser = byUser.wait(userKey(user), now);
        Duration forAddress = byAddress.wait(addressKey(remoteAddress), now);
        return forUser.compareTo(forAddress) >= 0 ? forUser : forAddress;
    }

    public synchronized void failed(String user, String remoteAddress) {
        Instant now = clock.instant();
        byUser.fail(userKey(user), now);
        byAddress.fail(addressKey(remoteAddress), now);
    }

    public synchronized void succeeded(String user, String remoteAddress) {
        byUser.clear(userKey(user));
    }

    /** Names are bounded in length so that a client cannot make one entry huge. */
    private static String userKey(String user) {
        if (user == null) {
            return "";
        }
        return user.length() > 64 ? user.substring(0, 64) : user;
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
