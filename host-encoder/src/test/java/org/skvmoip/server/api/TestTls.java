package org.skvmoip.server.api;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.skvmoip.server.tls.ServerCertificate;

import io.netty.handler.ssl.SslContext;

/**
 * The server's own self-signed certificate (made once per test run in a temporary directory, as
 * the server makes it on first start) and a client that trusts only it.
 */
final class TestTls {

    private static ServerCertificate certificate;

    private TestTls() {
    }

    private static synchronized ServerCertificate certificate() throws Exception {
        if (certificate == null) {
            Path dir = Files.createTempDirectory("api-tls");
            dir.toFile().deleteOnExit();
            certificate = ServerCertificate.selfSigned(dir, Clock.systemUTC());
            for (String file : new String[] {ServerCertificate.CERTIFICATE_FILE, ServerCertificate.KEY_FILE}) {
                dir.resolve(file).toFile().deleteOnExit();
            }
        }
        return certificate;
    }

    static SslContext server() throws Exception {
        return certificate().serverContext();
    }

    static SSLContext client() throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        trusted.setCertificateEntry("api", certificate().certificate());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
