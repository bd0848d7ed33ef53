package org.skvmoip.server.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import org.skvmoip.server.config.PrivateFile;

/**
 * The long-lived bearer token a Prometheus scraper presents on /metrics. Login tokens expire and a
 * scraper cannot log in, so it gets its own secret, one that opens nothing but the metrics.
 */
public final class MetricsToken {

    /** The token's file in the server's data directory. */
    public static final String FILE = "metrics.token";

    private final byte[] token;

    private MetricsToken(String token) {
        if (token.length() < 16) {
            throw new IllegalArgumentException("a metrics token has at least 16 characters");
        }
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    public static MetricsToken of(String token) {
        return new MetricsToken(token);
    }

    /**
     * Reads the token from {@code file}, or writes a new random one there (owner-only) for the
     * operator to copy into the scraper's config.
     */
    public static MetricsToken loadOrCreate(Path file) throws IOException {
        if (Files.exists(file)) {
            return new MetricsToken(Files.readString(file, StandardCharsets.UTF_8).strip());
        }
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        PrivateFile.write(file, (token + "\n").getBytes(StandardCharsets.UTF_8));
        return new MetricsToken(token);
    }

    /** Compares in constant time, so response timing does not reveal a prefix. */
    public boolean matches(String presented) {
        return MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "MetricsToken[hidden]";
    }
}
