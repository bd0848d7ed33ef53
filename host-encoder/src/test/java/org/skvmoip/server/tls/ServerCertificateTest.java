package org.skvmoip.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import io.netty.buffer.ByteBufAllocator;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skvmoip.server.config.ConfigException;
import org.skvmoip.server.config.EncoderSettings;
import org.skvmoip.server.config.ServerSettings;

class ServerCertificateTest {

    @TempDir
    Path dataDir;

    private final Clock clock = Clock.systemUTC();

    @Test
    void aCertificateIsGeneratedOnFirstStartAndReusedAfter() throws Exception {
        ServerCertificate first = ServerCertificate.selfSigned(dataDir, clock);
        ServerCertificate second = ServerCertificate.selfSigned(dataDir, clock);

        assertThat(second.sha256Fingerprint()).isEqualTo(first.sha256Fingerprint());
        assertThat(dataDir.resolve("cert.pem")).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("key.pem"))))
                .isEqualTo("rw-------");
    }

    @Test
    void theGeneratedCertificateNamesLocalhostAndLastsAbout825Days() throws Exception {
        X509Certificate certificate = ServerCertificate.selfSigned(dataDir, clock).certificate();

        assertThat(certificate.getSubjectAlternativeNames()).extracting(name -> (Object) name.get(1))
                .contains((Object) "localhost", "127.0.0.1");
        Duration validity = Duration.between(certificate.getNotBefore().toInstant(), certificate.getNotAfter().toInstant());
        assertThat(validity.toDays()).isEqualTo(825);
        assertThat(certificate.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(certificate.getPublicKey().getAlgorithm()).isEqualTo("EC");
    }

    @Test
    void theFingerprintIsTheSha256OfTheCertificatesPublicKeyWithColons() throws Exception {
        ServerCertificate generated = ServerCertificate.selfSigned(dataDir, clock);
        Certificate fromFile;
        try (InputStream in = Files.newInputStream(dataDir.resolve("cert.pem"))) {
            fromFile = CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        String expected = HexFormat.ofDelimiter(":").withUpperCase()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(fromFile.getPublicKey().getEncoded()));

        assertThat(generated.sha256Fingerprint()).isEqualTo(expected).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    }

    @Test
    void aGeneratedCertificateNearItsEndIsRenewedForTheSameKey_soItsFingerprintStays() throws Exception {
        ServerCertificate old = ServerCertificate.selfSigned(dataDir, clock);
        byte[] oldKeyFile = Files.readAllBytes(dataDir.resolve("key.pem"));
        Clock later = Clock.fixed(Instant.now().plus(Duration.ofDays(800)), ZoneOffset.UTC);

        ServerCertificate renewed = ServerCertificate.selfSigned(dataDir, later);

        assertThat(renewed.certificate().getNotAfter()).isAfter(old.certificate().getNotAfter());
        assertThat(renewed.sha256Fingerprint()).isEqualTo(old.sha256Fingerprint());
        assertThat(Files.readAllBytes(dataDir.resolve("key.pem"))).isEqualTo(oldKeyFile);
        ServerCertificate afterRestart = ServerCertificate.selfSigned(dataDir, later);
        assertThat(afterRestart.certificate()).isEqualTo(renewed.certificate());
    }

    @Test
    void aNewKeyIsTheOperatorsExplicitAct_andChangesTheFingerprint() throws Exception {
        ServerCertificate old = ServerCertificate.selfSigned(dataDir, clock);
        ServerSettings settings = new ServerSettings("127.0.0.1", 0, Optional.empty(), Optional.empty(),
                Optional.empty(), dataDir, dataDir.resolve("secrets.yaml"), List.of(), EncoderSettings.DEFAULTS, false,
                ServerSettings.DEFAULT_CONNECTIONS_PER_ADDRESS);

        ServerCertificate replaced = ServerCertificate.replaceKey(settings, clock);

        assertThat(replaced.sha256Fingerprint()).isNotEqualTo(old.sha256Fingerprint());
        assertThat(ServerCertificate.selfSigned(dataDir, clock).sha256Fingerprint())
                .isEqualTo(replaced.sha256Fingerprint());
    }

    @Test
    void aCertificateWithoutItsKeyIsReportedNotReplaced() throws Exception {
        ServerCertificate.selfSigned(dataDir, clock);
        Files.delete(dataDir.resolve("key.pem"));

        assertThatThrownBy(() -> ServerCertificate.selfSigned(dataDir, clock)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(dataDir.resolve("key.pem") + ": missing, while")
                .hasMessageContaining("delete " + dataDir.resolve("cert.pem"));
    }

    @Test
    void theOperatorsFilesAreUsedWhenGivenAndNothingIsGenerated() throws Exception {
        OperatorFiles operator = OperatorFiles.signedByTestAuthority(dataDir.resolve("operator"));
        Path data = dataDir.resolve("data");
        ServerSettings settings = new ServerSettings("127.0.0.1", 0, Optional.empty(), Optional.of(operator.chain),
                Optional.of(operator.key), data, data.resolve("secrets.yaml"), List.of(), EncoderSettings.DEFAULTS, false,
                ServerSettings.DEFAULT_CONNECTIONS_PER_ADDRESS);

        ServerCertificate certificate = ServerCertificate.forServer(settings);

        assertThat(certificate.chain()).hasSize(2);
        assertThat(certificate.certificate().getSubjectX500Principal().getName()).isEqualTo("CN=kvm.example.test");
        assertThat(data.resolve("cert.pem")).doesNotExist();
        try (TlsEchoServer server = new TlsEchoServer(certificate.serverContext())) {
            assertThat(echo(server.port(), operator.authority, "TLSv1.3")).isEqualTo("TLSv1.3");
        }
    }

    @Test
    void aKeyFromAnotherCertificateIsRefused() throws Exception {
        OperatorFiles operator = OperatorFiles.signedByTestAuthority(dataDir.resolve("operator"));
        ServerCertificate.selfSigned(dataDir, clock);

        assertThatThrownBy(() -> ServerCertificate.fromPem(operator.chain, dataDir.resolve("key.pem")))
                .hasMessageStartingWith(dataDir.resolve("key.pem") + ": this key does not belong to the first certificate in "
                        + operator.chain);
    }

    @Test
    void damagedFilesAreNamedInTheError() throws Exception {
        ServerCertificate.selfSigned(dataDir, clock);
        Path certificate = dataDir.resolve("cert.pem");
        Path key = dataDir.resolve("key.pem");
        Path garbage = dataDir.resolve("garbage.pem");
        Files.writeString(garbage, "-----BEGIN CERTIFICATE-----\nnot base64 at all!\n-----END CERTIFICATE-----\n");
        Path empty = dataDir.resolve("empty.pem");
        Files.writeString(empty, "");

        assertThatThrownBy(() -> ServerCertificate.fromPem(garbage, key)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(garbage + ": not a readable PEM certificate");
        assertThatThrownBy(() -> ServerCertificate.fromPem(certificate, garbage))
                .hasMessageStartingWith(garbage + ": not a readable PEM private key");
        assertThatThrownBy(() -> ServerCertificate.fromPem(certificate, certificate))
                .hasMessage(certificate + ": expected a private key, found a certificate");
        assertThatThrownBy(() -> ServerCertificate.fromPem(empty, key))
                .hasMessage(empty + ": holds no certificate (expected a \"-----BEGIN CERTIFICATE-----\" block)");
        assertThatThrownBy(() -> ServerCertificate.fromPem(certificate, empty))
                .hasMessageStartingWith(empty + ": holds no private key");
        assertThatThrownBy(() -> ServerCertificate.fromPem(dataDir.resolve("nope.pem"), key))
                .hasMessage(dataDir.resolve("nope.pem") + ": no such file");
    }

    @Test
    void aTruncatedCertificateIsNamedInTheError() throws Exception {
        ServerCertificate.selfSigned(dataDir, clock);
        Path certificate = dataDir.resolve("cert.pem");
        List<String> lines = Files.readAllLines(certificate);
        Files.write(certificate, lines.subList(0, lines.size() / 2));

        assertThatThrownBy(() -> ServerCertificate.selfSigned(dataDir, clock)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(certificate + ": not a readable PEM certificate");
    }

    @Test
    void anEncryptedKeyIsExplained() throws Exception {
        assumeTrue(openssl(), "needs the openssl command");
        ServerCertificate.selfSigned(dataDir, clock);
        Path encrypted = dataDir.resolve("encrypted.pem");
        run("openssl", "pkey", "-in", dataDir.resolve("key.pem").toString(), "-aes256", "-passout", "pass:test",
                "-out", encrypted.toString());

        assertThatThrownBy(() -> ServerCertificate.fromPem(dataDir.resolve("cert.pem"), encrypted))
                .hasMessageStartingWith(encrypted + ": the private key is encrypted");
    }

    @Test
    void filesMadeByOpensslLoadWithTheKeyFingerprintOpensslComputes() throws Exception {
        assumeTrue(openssl(), "needs the openssl command");
        Path certificate = dataDir.resolve("openssl-cert.pem");
        Path key = dataDir.resolve("openssl-key.pem");
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out",
                certificate.toString(), "-subj", "/CN=localhost", "-days", "30", "-addext", "subjectAltName=DNS:localhost");
        String printed = run("sh", "-c", "openssl x509 -noout -pubkey -in '" + certificate + "'"
                + " | openssl pkey -pubin -outform DER | openssl dgst -sha256 -c");

        ServerCertificate loaded = ServerCertificate.fromPem(certificate, key);

        assertThat(printed.trim().toUpperCase(java.util.Locale.ROOT)).endsWith("= " + loaded.sha256Fingerprint());
        try (TlsEchoServer server = new TlsEchoServer(loaded.serverContext())) {
            assertThat(echo(server.port(), loaded.certificate(), "TLSv1.2")).isEqualTo("TLSv1.2");
        }
    }

    @Test
    void aClientTrustingOnlyThisCertificateCompletesTls13AndTls12() throws Exception {
        ServerCertificate certificate = ServerCertificate.selfSigned(dataDir, clock);

        try (TlsEchoServer server = new TlsEchoServer(certificate.serverContext())) {
            assertThat(echo(server.port(), certificate.certificate(), "TLSv1.3")).isEqualTo("TLSv1.3");
            assertThat(echo(server.port(), certificate.certificate(), "TLSv1.2")).isEqualTo("TLSv1.2");
        }
    }

    @Test
    void aClientTrustingAnotherCertificateIsRefused() throws Exception {
        ServerCertificate certificate = ServerCertificate.selfSigned(dataDir.resolve("a"), clock);
        ServerCertificate stranger = ServerCertificate.selfSigned(dataDir.resolve("b"), clock);

        try (TlsEchoServer server = new TlsEchoServer(certificate.serverContext())) {
            assertThatThrownBy(() -> echo(server.port(), stranger.certificate(), "TLSv1.3"))
                    .isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void onlyTls12And13AreOffered() throws Exception {
        ServerCertificate certificate = ServerCertificate.selfSigned(dataDir, clock);

        String[] enabled = certificate.serverContext().newEngine(ByteBufAllocator.DEFAULT).getEnabledProtocols();

        assertThat(enabled).containsExactlyInAnyOrder("TLSv1.2", "TLSv1.3");
    }

    /** Connects to localhost with host name checking, trusting only the anchor; returns the protocol used. */
    private static String echo(int port, X509Certificate anchor, String protocol) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("server", anchor);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustManagers.getTrustManagers(), null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", port)) {
            socket.setSoTimeout(10_000);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            parameters.setProtocols(new String[] {protocol});
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            OutputStream out = socket.getOutputStream();
            out.write("ping".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] reply = socket.getInputStream().readNBytes(4);
            assertThat(new String(reply, StandardCharsets.US_ASCII)).isEqualTo("ping");
            return socket.getSession().getProtocol();
        }
    }

    private static boolean openssl() {
        try {
            return new ProcessBuilder("openssl", "version").start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    /** What an operator brings: a key in OpenSSL's RSA form and a chain of leaf plus issuing authority. */
    private record OperatorFiles(Path chain, Path key, X509Certificate authority) {

        static OperatorFiles signedByTestAuthority(Path dir) throws Exception {
            Files.createDirectories(dir);
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(2048);
            KeyPair authorityKeys = rsa.generateKeyPair();
            KeyPair serverKeys = rsa.generateKeyPair();
            Instant now = Instant.now();
            X500Name authorityName = new X500Name("CN=Test Authority");
            JcaX509v3CertificateBuilder authorityBuilder = new JcaX509v3CertificateBuilder(authorityName, BigInteger.ONE,
                    Date.from(now.minusSeconds(3600)), Date.from(now.plus(Duration.ofDays(30))), authorityName,
                    authorityKeys.getPublic());
            authorityBuilder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            X509Certificate authority = new JcaX509CertificateConverter().getCertificate(
                    authorityBuilder.build(new JcaContentSignerBuilder("SHA256withRSA").build(authorityKeys.getPrivate())));
            JcaX509v3CertificateBuilder serverBuilder = new JcaX509v3CertificateBuilder(authorityName, BigInteger.TWO,
                    Date.from(now.minusSeconds(3600)), Date.from(now.plus(Duration.ofDays(30))),
                    new X500Name("CN=kvm.example.test"), serverKeys.getPublic());
            serverBuilder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
                    new GeneralName(GeneralName.dNSName, "kvm.example.test"),
                    new GeneralName(GeneralName.dNSName, "localhost")}));
            X509Certificate server = new JcaX509CertificateConverter().getCertificate(
                    serverBuilder.build(new JcaContentSignerBuilder("SHA256withRSA").build(authorityKeys.getPrivate())));
            Path chain = dir.resolve("fullchain.pem");
            Path key = dir.resolve("privkey.pem");
            Files.writeString(chain, pem(server) + pem(authority));
            Files.writeString(key, pem(serverKeys)); // a KeyPair is written as "BEGIN RSA PRIVATE KEY"
            return new OperatorFiles(chain, key, authority);
        }

        private static String pem(Object item) throws IOException {
            StringWriter text = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
                writer.writeObject(item);
            }
            return text.toString();
        }
    }
}
