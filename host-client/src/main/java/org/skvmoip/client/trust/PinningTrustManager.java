package org.skvmoip.client.trust;

import java.io.IOException;
import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts exactly the certificate pinned for one server, during the handshake: an unknown or
 * changed certificate fails the handshake itself, before a byte of the request (or the token in
 * it) is sent.
 *
 * <p>Host names are not checked: the pin is the stronger check (only the holder of that one
 * certificate's key can complete the handshake), and a self-signed certificate rarely names every
 * address a server is reached by. Being an {@link X509ExtendedTrustManager} keeps the JDK from
 * adding its own host name check around it. Dates are not checked either, as SSH does not: the
 * user trusted this key, and the server renews its own certificate before it expires.
 */
final class PinningTrustManager extends X509ExtendedTrustManager {

    private final String hostPort;
    private final KnownServers known;
    private final AtomicReference<UnknownServer> unknown = new AtomicReference<>();

    PinningTrustManager(String hostPort, KnownServers known) {
        this.hostPort = hostPort;
        this.known = known;
    }

    /** The server last refused because it was not known yet; cleared by reading it. */
    Optional<UnknownServer> takeUnknown() {
        return Optional.ofNullable(unknown.getAndSet(null));
    }

    private void check(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException(hostPort + " presented no certificate");
        }
        X509Certificate certificate = chain[0];
        String presented = Fingerprints.sha256(certificate);
        Optional<String> pinned;
        try {
            pinned = known.fingerprint(hostPort);
        } catch (IOException e) {
            throw new CertificateException("cannot read the trusted servers: " + e.getMessage(), e);
        }
        if (pinned.isEmpty()) {
            UnknownServer server = new UnknownServer(hostPort, presented,
                    certificate.getSubjectX500Principal().getName(), certificate.getNotAfter().toInstant(),
                    known.file());
            unknown.set(server);
            throw new UnknownServerException(server);
        }
        if (!pinned.get().equals(presented)) {
            throw new CertificateChangedException(hostPort, pinned.get(), presented, known.file());
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
            throws CertificateException {
        throw new CertificateException("a client does not accept connections");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
            throws CertificateException {
        throw new CertificateException("a client does not accept connections");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("a client does not accept connections");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
