package org.skvmoip.server.auth.totp;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What a user's authenticator app and the user need once, at enrolment: the key as an otpauth
 * URI (the content of the QR code the app scans) and the recovery codes in clear. Shown once;
 * the server keeps the key and only hashes of the codes.
 *
 * @param recoveryCodes canonical form; {@link RecoveryCodes#display} for people
 */
public record Enrollment(String user, byte[] key, List<String> recoveryCodes) {

    public static final String ISSUER = "SKVMOIP";

    /**
     * The Key URI Format that authenticator apps read:
     * {@code otpauth://totp/ISSUER:NAME?secret=BASE32&issuer=ISSUER&algorithm=SHA1&digits=6&period=30}.
     */
    public String uri() {
        // User names are letters, digits, '.', '_' and '-' (config.Names): encoding changes nothing, but says so.
        String label = URLEncoder.encode(ISSUER, StandardCharsets.UTF_8) + ":" + URLEncoder.encode(user, StandardCharsets.UTF_8);
        return "otpauth://totp/" + label + "?secret=" + Base32.encode(key) + "&issuer=" + ISSUER
                + "&algorithm=SHA1&digits=" + Totp.DIGITS + "&period=" + Totp.STEP_SECONDS;
    }

    /** The key stays out: this string may reach a log. */
    @Override
    public String toString() {
        return "Enrollment[" + user + "]";
    }
}
