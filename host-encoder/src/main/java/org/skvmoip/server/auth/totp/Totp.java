package org.skvmoip.server.auth.totp;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords, RFC 6238 over RFC 4226's HOTP, with the parameters every
 * authenticator app uses by default: HMAC-SHA1, time steps of 30 s counted from the Unix epoch
 * (T0 = 0), 6 digits. A code is accepted one step either side of now (RFC 6238 §5.2 allows
 * for the phone's clock and the time it takes to type).
 */
public final class Totp {

    public static final int DIGITS = 6;
    public static final int STEP_SECONDS = 30;
    /** Steps accepted either side of the current one. */
    public static final int SKEW_STEPS = 1;
    /** 160 bits: the length RFC 4226 §4 (R6) recommends for the shared key. */
    public static final int KEY_BYTES = 20;

    private static final String HMAC = "HmacSHA1";
    private static final int[] POWERS_OF_TEN = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Totp() {
    }

    /** RFC 6238 §4.2: T = floor((unix time - T0) / X). */
    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** The 6-digit code of the time step, with its leading zeros. */
    public static String code(byte[] key, long step) {
        return code(key, step, DIGITS);
    }

    /** RFC 4226 §5.3 with a counter of 8 bytes, most significant first; 6 to 8 digits. */
    static String code(byte[] key, long counter, int digits) {
        if (digits < 6 || digits > 8) {
            throw new IllegalArgumentException("RFC 4226 codes have 6 to 8 digits, not " + digits);
        }
        byte[] hash = hmac(key, ByteBuffer.allocate(Long.BYTES).putLong(counter).array());
        // Dynamic truncation: the low 4 bits of the last byte choose where 31 bits are read.
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = (hash[offset] & 0x7f) << 24
                | (hash[offset + 1] & 0xff) << 16
                | (hash[offset + 2] & 0xff) << 8
                | (hash[offset + 3] & 0xff);
        String digitsText = Integer.toString(binary % POWERS_OF_TEN[digits]);
        return "0".repeat(digits - digitsText.length()) + digitsText;
    }

    /**
     * The step within {@link #SKEW_STEPS} of now whose code this is, if it comes after
     * {@code lastUsedStep}: a code once accepted, or one older than it, never opens again.
     * Every candidate is compared in constant time.
     */
    public static OptionalLong matchingStep(byte[] key, String code, Instant now, long lastUsedStep) {
        byte[] typed = code.getBytes(StandardCharsets.US_ASCII);
        long current = step(now);
        long found = -1;
        for (long step = current - SKEW_STEPS; step <= current + SKEW_STEPS; step++) {
            boolean equal = MessageDigest.isEqual(typed, code(key, step).getBytes(StandardCharsets.US_ASCII));
            if (equal && step > lastUsedStep && found < 0) {
                found = step;
            }
        }
        return found < 0 ? OptionalLong.empty() : OptionalLong.of(found);
    }

    /** Whether the text has the form of a code (6 ASCII digits); says nothing of its value. */
    public static boolean looksLikeCode(String text) {
        if (text.length() != DIGITS) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(message);
        } catch (GeneralSecurityException e) {
            // Every Java SE runtime has HmacSHA1; its absence is a broken JDK.
            throw new IllegalStateException(HMAC + " is not available in this Java runtime", e);
        }
    }
}
