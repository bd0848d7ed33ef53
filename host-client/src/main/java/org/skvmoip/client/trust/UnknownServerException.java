package org.skvmoip.client.trust;

import java.security.cert.CertificateException;

/** The handshake stopped at a server whose certificate is not pinned yet: the user has not been asked. */
public final class UnknownServerException extends CertificateException {

    private static final long serialVersionUID = 1L;

    private final transient UnknownServer server;

    UnknownServerException(UnknownServer server) {
        super("the server " + server.hostPort() + " is not known yet: its certificate (SHA-256 " + server.fingerprint()
                + ") has not been accepted");
        this.server = server;
    }

    public UnknownServer server() {
        return server;
    }
}
