package org.skvmoip.client.trust;

import java.io.IOException;
import java.nio.file.Path;

import javax.net.ssl.SSLContext;

/**
 * Which server certificates a client accepts: those the user pinned on first use (the default,
 * for servers with a self-signed certificate), or those a given certificate authority (or the
 * server's own certificate as a PEM file) vouches for.
 */
public interface ServerTrust {

    /** The TLS setup for connections to one server, {@code host:port}. */
    TlsSetup forServer(String hostPort);

    /** Pins certificates on first use in {@code known}, asking {@code decision} about new servers. */
    static ServerTrust pinned(KnownServers known, FirstUseDecision decision) {
        return new PinnedTrust(known, decision);
    }

    /**
     * Trusts the certificates of a PEM file as authorities (a CA, or the server's own certificate);
     * host names are checked as a browser does.
     */
    static ServerTrust certificateAuthority(Path pemFile) throws IOException {
        return AuthorityTrust.read(pemFile);
    }

    /** The TLS side of connections to one server. */
    interface TlsSetup {

        SSLContext sslContext();

        /**
         * After a failed connection: when it failed because the server is not known yet and the
         * user now accepts it, pins it and answers true (connect again); false otherwise.
         */
        boolean acceptedAfter(Throwable failure) throws IOException;
    }
}
