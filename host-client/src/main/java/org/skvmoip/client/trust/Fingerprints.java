package org.skvmoip.client.trust;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

/**
 * SHA-256 fingerprints, written "AB:12:..." as the server prints its own when it starts, so a
 * person can compare them.
 *
 * <p>What a client pins is the fingerprint of the server's public key, its SubjectPublicKeyInfo
 * (as HPKP, RFC 7469 §2.4, pins it), not of the whole certificate: the server renews its
 * self-signed certificate before it expires, keeping its key, and a renewed certificate then
 * matches the pin; only a new key (an operator's explicit act, or someone else's server) does
 * not. Known servers files written before kept certificate fingerprints, which
 * {@link #certificateSha256} still computes.
 */
public final class Fingerprints {

    private static final HexFormat COLONS = HexFormat.ofDelimiter(":").withUpperCase();

    private Fingerprints() {
    }

    /** SHA-256 of the certificate's public key (its DER SubjectPublicKeyInfo): what is pinned. */
    public static String sha256(X509Certificate certificate) {
        return digest(certificate.getPublicKey().getEncoded(), certificate);
    }

    /**
     * SHA-256 of the whole certificate's DER encoding, as {@code openssl x509 -noout -fingerprint
     * -sha256} prints it: what older known servers files hold.
     */
    public static String certificateSha256(X509Certificate certificate) {
        try {
            return digest(certificate.getEncoded(), certificate);
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException("cannot fingerprint the certificate " + certificate.getSubjectX500Principal(),
                    e);
        }
    }

    private static String digest(byte[] encoded, X509Certificate certificate) {
        try {
            return COLONS.formatHex(MessageDigest.getInstance("SHA-256").digest(encoded));
        } catch (NoSuchAlgorithmException e) {
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
