package org.skvmoip.client.trust;

import java.nio.file.Path;
import java.security.cert.CertificateException;

/**
 * The server presented another key than the one pinned for its address (or, against a pin of an
 * older file, another certificate): the handshake is refused.
 */
public final class CertificateChangedException extends CertificateException {

    private static final long serialVersionUID = 1L;

    private final String hostPort;
    private final String pinned;
    private final String presented;

    CertificateChangedException(String hostPort, String pinned, String presented, Path knownServersFile) {
        super("WARNING: the certificate of " + hostPort + " has CHANGED; connection refused.\n"
                + "  known:     SHA-256 " + pinned + "\n"
                + "  presented: SHA-256 " + presented + "\n"
                + "Someone may be intercepting the connection (a man in the middle), or the server's key was"
                + " replaced (a new data directory, or its operator gave it a new key; a renewal keeps the key)."
                + " If you know it was replaced and the"
                + " new fingerprint is the one the server prints when it starts, delete the line of " + hostPort
                + " from " + knownServersFile + " and connect again.");
        this.hostPort = hostPort;
        this.pinned = pinned;
        this.presented = presented;
    }

    public String hostPort() {
        return hostPort;
    }

    public String pinned() {
        return pinned;
    }

    public String presented() {
        return presented;
    }
}
