package org.skvmoip.client.trust;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * SHA-256 fingerprints of certificates, written "AB:12:..." as the server prints its own when it
 * starts and as {@code openssl x509 -noout -fingerprint -sha256} does, so a person can compare them.
 */
public final class Fingerprints {

    private static final HexFormat COLONS = HexFormat.ofDelimiter(":").withUpperCase();

    private Fingerprints() {
    }

    public static String sha256(X509Certificate certificate) {
        try {
            return COLONS.formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint the certificate " + certificate.getSubjectX500Principal(),
                    e);
        }
    }

    /**
     * The canonical form of a fingerprint a person may have written in lower case or without
     * colons; throws when it is not 32 bytes of hex.
     */
    public static String normalize(String fingerprint) {
        String hex = fingerprint.replace(":", "").toUpperCase(Locale.ROOT);
        if (hex.length() != 64 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("not a SHA-256 fingerprint (32 bytes in hex, such as AB:12:...): '"
                    + fingerprint + "'");
        }
        return COLONS.formatHex(HexFormat.of().parseHex(hex));
    }
}
