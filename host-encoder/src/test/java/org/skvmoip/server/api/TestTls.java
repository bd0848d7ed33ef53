package org.skvmoip.server.api;

import java.security.KeyStore;
import java.security.cert.CertificateException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManagerFactory;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.SelfSignedCertificate;

/** A throwaway self-signed certificate for "localhost" (made with Bouncy Castle) and a client that trusts only it. */
final class TestTls {

    private static SelfSignedCertificate certificate;

    private TestTls() {
    }

    static synchronized SelfSignedCertificate certificate() throws CertificateException {
        if (certificate == null) {
            certificate = new SelfSignedCertificate("localhost");
        }
        return certificate;
    }

    static SslContext server() throws CertificateException, SSLException {
        SelfSignedCertificate c = certificate();
        return SslContextBuilder.forServer(c.key(), c.cert()).build();
    }

    static SSLContext client() throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        trusted.setCertificateEntry("api", certificate().cert());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
