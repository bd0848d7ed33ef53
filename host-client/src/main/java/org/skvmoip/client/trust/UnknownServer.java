package org.skvmoip.client.trust;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A server met for the first time, as the user is asked about it: compare {@code fingerprint}
 * with the one the server printed when it started (or that its operator gave you) before accepting.
 *
 * @param hostPort         the server, {@code host:port} as pinned
 * @param fingerprint      SHA-256 of its certificate's public key, "AB:12:..." (what is pinned)
 * @param subject          the certificate's subject name, for display only (anyone can write any name)
 * @param notAfter         when the certificate expires
 * @param knownServersFile where the fingerprint will be stored
 */
public record UnknownServer(String hostPort, String fingerprint, String subject, Instant notAfter,
        Path knownServersFile) {
}
