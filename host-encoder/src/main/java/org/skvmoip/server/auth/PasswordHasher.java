package org.skvmoip.server.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Slow salted password hashes: PBKDF2 with HMAC-SHA256 from the JDK, a 16-byte random salt per
 * hash, 600,000 iterations by default (OWASP's 2023 figure for PBKDF2-HMAC-SHA256). A hash is
 * stored as {@code pbkdf2-sha256$<iterations>$<salt base64>$<hash base64>}, so a hash made
 * with another count keeps verifying with its own count after the default changes.
 */
public final class PasswordHasher {

    public static final int DEFAULT_ITERATIONS = 600_000;
    /** Lower counts exist for tests only; a stored hash below this is refused as malformed. */
    public static final int MIN_ITERATIONS = 1_000;
    /** A stored count above this would let one login burn seconds of CPU: refused as malformed. */
    public static final int MAX_ITERATIONS = 10_000_000;

    private static final String SCHEME = "pbkdf2-sha256";
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;

    private final int iterations;
    private final SecureRandom random = new SecureRandom();

    public PasswordHasher() {
        this(DEFAULT_ITERATIONS);
    }

    /** A hasher making hashes with this count; verification always uses each hash's own count. */
    public PasswordHasher(int iterations) {
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("iterations must be between " + MIN_ITERATIONS + " and "
                    + MAX_ITERATIONS + ", was " + iterations);
        }
        this.iterations = iterations;
    }

    public int iterations() {
        return iterations;
    }

    /** A new stored form of the password; the caller clears its array afterwards. */
    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = pbkdf2(password, salt, iterations);
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    /**
     * The stored form of the password made with the salt and count of another stored hash, so
     * that one computation can be compared with a set of hashes that share them (a user's
     * recovery codes: typing one costs one hash, not ten).
     */
    public String hashLike(char[] password, String stored) {
        Parsed parsed = parse(stored);
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + parsed.iterations + "$" + base64.encodeToString(parsed.salt) + "$"
                + base64.encodeToString(pbkdf2(password, parsed.salt, parsed.iterations));
    }

    /** Whether the password matches the stored hash; false, never an exception, for a malformed one. */
    public boolean verify(char[] password, String stored) {
        Parsed parsed;
        try {
            parsed = parse(stored);
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] actual = pbkdf2(password, parsed.salt, parsed.iterations);
        // Constant time: how many leading bytes matched must not show in the time taken.
        return MessageDigest.isEqual(actual, parsed.hash);
    }

    /** Checks the stored form; the message says what is wrong, without repeating the hash. */
    public static void checkWellFormed(String stored) {
        parse(stored);
    }

    private record Parsed(int iterations, byte[] salt, byte[] hash) {
    }

    private static Parsed parse(String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$", -1);
        if (parts.length != 4 || !parts[0].equals(SCHEME)) {
            throw new IllegalArgumentException("a password hash looks like \"" + SCHEME
                    + "$<iterations>$<salt>$<hash>\"; set the password again with the users command");
        }
        int iterations;
        try {
            iterations = Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            iterations = -1;
        }
        if (iterations < MIN_ITERATIONS || iterations > MAX_ITERATIONS) {
            throw new IllegalArgumentException("the iteration count must be between " + MIN_ITERATIONS + " and "
                    + MAX_ITERATIONS + ", was " + parts[1]);
        }
        byte[] salt = base64(parts[2], "salt");
        byte[] hash = base64(parts[3], "hash");
        if (salt.length < SALT_BYTES || hash.length != HASH_BYTES) {
            throw new IllegalArgumentException("the salt must have at least " + SALT_BYTES + " bytes and the hash "
                    + HASH_BYTES + ", were " + salt.length + " and " + hash.length);
        }
        return new Parsed(iterations, salt, hash);
    }

    private static byte[] base64(String text, String what) {
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + what + " is not base64");
        }
    }

    private static byte[] pbkdf2(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BYTES * 8);
        try {
            return SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            // Every Java SE runtime has PBKDF2WithHmacSHA256; its absence is a broken JDK.
            throw new IllegalStateException(ALGORITHM + " is not available in this Java runtime", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** Overwrites a password array once it is no longer needed. */
    public static void clear(char[] password) {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }
}
