package org.skvmoip.client.trust;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Collection;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Trust in the certificates of one PEM file (for scripts: {@code --ca-cert server.crt}): the
 * JDK's own PKIX checks with these as the only anchors, host name included.
 */
final class AuthorityTrust implements ServerTrust {

    private final SSLContext context;

    private AuthorityTrust(SSLContext context) {
        this.context = context;
    }

    static AuthorityTrust read(Path pemFile) throws IOException {
        Collection<? extends Certificate> certificates;
        try (InputStream in = Files.newInputStream(pemFile)) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
        } catch (CertificateException e) {
            throw new IOException(pemFile + ": not a PEM certificate file (" + e.getMessage() + ")", e);
        }
        if (certificates.isEmpty()) {
            throw new IOException(pemFile + ": no certificate in it; give the server's certificate or its CA's, in PEM");
        }
        try {
            KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
            anchors.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                anchors.setCertificateEntry("anchor-" + i++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(anchors);
            return new AuthorityTrust(Tls.context(factory.getTrustManagers()));
        } catch (GeneralSecurityException e) {
            throw new IOException(pemFile + ": cannot use its certificates as trust anchors: " + e.getMessage(), e);
        }
    }

    @Override
    public TlsSetup forServer(String hostPort) {
        return new TlsSetup() {
            @Override
            public SSLContext sslContext() {
                return context;
            }

            @Override
            public boolean acceptedAfter(Throwable failure) {
                return false;
            }
        };
    }
}
