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
 * Trusts exactly the public key pinned for one server, during the handshake: an unknown server or
 * a changed key fails the handshake itself, before a byte of the request (or the token in it) is
 * sent. A renewed certificate with the same key passes.
 *
 * <p>Host names are not checked: the pin is the stronger check (only the holder of that one
 * key can complete the handshake), and a self-signed certificate rarely names every
 * address a server is reached by. Being an {@link X509ExtendedTrustManager} keeps the JDK from
 * adding its own host name check around it. Dates are not checked either, as SSH does not: the
 * user trusted this key, and the server renews its own certificate before it expires.
 *
 * <p>A pin of an older known servers file is of the whole certificate: when the certificate still
 * matches it, the line is rewritten as the pin of its key, so that the next renewal passes too.
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
        Optional<KnownServers.Pin> pinned;
        try {
            pinned = known.pinned(hostPort);
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
        if (!pinned.get().ofKey()) {
            checkCertificatePin(pinned.get().fingerprint(), certificate, presented);
        } else if (!pinned.get().fingerprint().equals(presented)) {
            throw new CertificateChangedException(hostPort, pinned.get().fingerprint(), presented, known.file());
        }
    }

    private void checkCertificatePin(String pinnedCertificate, X509Certificate certificate, String keyFingerprint)
            throws CertificateException {
        String presentedCertificate = Fingerprints.certificateSha256(certificate);
        if (!pinnedCertificate.equals(presentedCertificate)) {
            throw new CertificateChangedException(hostPort, pinnedCertificate, presentedCertificate, known.file());
        }
        try {
            known.pin(hostPort, keyFingerprint);
        } catch (IOException e) {
            // The certificate matched: this connection is safe. The line stays as it was and is converted next time.
            System.getLogger(PinningTrustManager.class.getName()).log(System.Logger.Level.WARNING,
                    "could not convert the pin of " + hostPort + " in " + known.file() + ": " + e.getMessage());
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
