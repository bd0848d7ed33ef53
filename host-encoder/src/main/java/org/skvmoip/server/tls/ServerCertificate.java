package org.skvmoip.server.tls;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import javax.net.ssl.SSLException;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import org.skvmoip.server.config.ConfigException;
import org.skvmoip.server.config.ServerSettings;

/**
 * The server's TLS identity: the operator's PEM files when the configuration names them,
 * otherwise a self-signed certificate generated on first start into the data directory
 * (cert.pem, key.pem owner-only) and reused on every later start. A generated certificate is
 * renewed when fewer than 30 days of it remain, signed anew for the same key: clients pin the
 * key's fingerprint, so they keep trusting the server without a warning. A new key is only ever
 * made on the operator's explicit request ({@link #replaceKey}, {@code skvm-server new-key}).
 * TLS 1.2 and 1.3 only.
 */
public final class ServerCertificate {

    public static final String CERTIFICATE_FILE = "cert.pem";
    public static final String KEY_FILE = "key.pem";
    static final Duration RENEW_BEFORE = Duration.ofDays(30);
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    private static final System.Logger LOG = System.getLogger(ServerCertificate.class.getName());

    private final List<X509Certificate> chain;
    private final PrivateKey key;
    private final Path certificateFile;

    private ServerCertificate(List<X509Certificate> chain, PrivateKey key, Path certificateFile) {
        this.chain = List.copyOf(chain);
        this.key = key;
        this.certificateFile = certificateFile;
    }

    /** The operator's files when the settings name them, else the data directory's self-signed pair. */
    public static ServerCertificate forServer(ServerSettings settings) throws IOException, ConfigException {
        if (settings.certificate().isPresent() && settings.privateKey().isPresent()) {
            return fromPem(settings.certificate().get(), settings.privateKey().get());
        }
        return selfSigned(settings.dataDir(), Clock.systemUTC());
    }

    /** The operator's certificate chain (leaf first) and its unencrypted private key. */
    public static ServerCertificate fromPem(Path certificateChain, Path privateKey) throws IOException, ConfigException {
        List<X509Certificate> chain = PemFiles.readChain(certificateChain);
        PrivateKey key = PemFiles.readKey(privateKey);
        if (!belongTogether(key, chain.get(0))) {
            throw new ConfigException(privateKey, 0, "", "this key does not belong to the first certificate in "
                    + certificateChain + " (the server's own certificate must come first, before its issuers)");
        }
        X509Certificate leaf = chain.get(0);
        if (leaf.getNotAfter().toInstant().isBefore(Instant.now())) {
            LOG.log(Level.WARNING, certificateChain + ": the certificate expired on " + leaf.getNotAfter().toInstant()
                    + "; clients will refuse it until it is renewed");
        }
        return new ServerCertificate(chain, key, certificateChain);
    }

    /** The data directory's generated pair: read when present and not about to expire, else made and written. */
    public static ServerCertificate selfSigned(Path dataDir, Clock clock) throws IOException, ConfigException {
        Path certificate = dataDir.resolve(CERTIFICATE_FILE);
        Path key = dataDir.resolve(KEY_FILE);
        if (Files.exists(certificate)) {
            if (!Files.exists(key)) {
                throw new ConfigException(key, 0, "", "missing, while " + certificate + " exists; restore it, or"
                        + " delete " + certificate + " to have a new certificate generated (clients must then trust it anew)");
            }
            ServerCertificate existing = fromPem(certificate, key);
            Instant renewFrom = existing.certificate().getNotAfter().toInstant().minus(RENEW_BEFORE);
            if (clock.instant().isBefore(renewFrom)) {
                return existing;
            }
            LOG.log(Level.WARNING, certificate + " expires on " + existing.certificate().getNotAfter().toInstant()
                    + ": renewing it for the same key (its fingerprint stays " + existing.sha256Fingerprint() + ")");
            return renew(existing, clock.instant());
        }
        try {
            return generate(certificate, key, SelfSignedCertificate.newKeyPair(), clock.instant());
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot make the server's key: " + e.getMessage(), e);
        }
    }

    /**
     * A new key and certificate in the data directory, replacing the generated ones: every
     * client that pinned the old key refuses the server until its user trusts the new
     * fingerprint. The operator's act, never the server's own (a suspected key leak, a copied
     * data directory).
     *
     * @throws ConfigException when the settings name the operator's own certificate: its key is theirs to replace
     */
    public static ServerCertificate replaceKey(ServerSettings settings, Clock clock) throws IOException, ConfigException {
        if (settings.certificate().isPresent()) {
            throw new ConfigException(settings.certificate().get(), 0, "", "the server uses this certificate of yours,"
                    + " not a generated one: replace its key where it was issued");
        }
        try {
            return generate(settings.dataDir().resolve(CERTIFICATE_FILE), settings.dataDir().resolve(KEY_FILE),
                    SelfSignedCertificate.newKeyPair(), clock.instant());
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot make the server's key: " + e.getMessage(), e);
        }
    }

    private static ServerCertificate renew(ServerCertificate existing, Instant now) throws IOException {
        KeyPair pair = new KeyPair(existing.certificate().getPublicKey(), existing.key);
        try {
            X509Certificate certificate = SelfSignedCertificate.sign(pair, SelfSignedCertificate.localHostNames(), now);
            PemFiles.writeChain(existing.certificateFile, List.of(certificate));
            return new ServerCertificate(List.of(certificate), existing.key, existing.certificateFile);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot renew the server's certificate: " + e.getMessage(), e);
        }
    }

    private static ServerCertificate generate(Path certificateFile, Path keyFile, KeyPair pair, Instant now)
            throws IOException, GeneralSecurityException {
        X509Certificate certificate = SelfSignedCertificate.sign(pair, SelfSignedCertificate.localHostNames(), now);
        // The key first: a crash between the two writes leaves a key without certificate, which is regenerated.
        PemFiles.writeKey(keyFile, pair.getPrivate());
        PemFiles.writeChain(certificateFile, List.of(certificate));
        ServerCertificate generated = new ServerCertificate(List.of(certificate), pair.getPrivate(), certificateFile);
        LOG.log(Level.INFO, "Generated a self-signed certificate " + certificateFile + " for a new key, SHA-256"
                + " fingerprint " + generated.sha256Fingerprint());
        return generated;
    }

    /** The server's own certificate (the chain's first). */
    public X509Certificate certificate() {
        return chain.get(0);
    }

    public List<X509Certificate> chain() {
        return chain;
    }

    /** Where the certificate was read from or written to. */
    public Path certificateFile() {
        return certificateFile;
    }

    /**
     * SHA-256 of the certificate's public key, its DER SubjectPublicKeyInfo, "AB:12:...": what
     * clients pin (as HPKP, RFC 7469 §2.4, does), so that a renewal for the same key changes
     * nothing for them. {@code openssl x509 -in cert.pem -noout -pubkey | openssl pkey -pubin
     * -outform DER | openssl dgst -sha256} computes the same.
     */
    public String sha256Fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate().getPublicKey().getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("cannot fingerprint the certificate's key", e);
        }
    }

    /** A server-side context for Netty's SslHandler: this identity, TLS 1.2 and 1.3 only. */
    public SslContext serverContext() throws SSLException {
        return SslContextBuilder.forServer(key, chain.toArray(new X509Certificate[0]))
                .protocols(PROTOCOLS)
                .build();
    }

    /** Signs a random challenge with the key and checks it with the certificate: works for any key type. */
    private static boolean belongTogether(PrivateKey key, X509Certificate certificate) {
        String algorithm = switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "RSA" -> "SHA256withRSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> null;
        };
        if (algorithm == null) {
            return true; // An unusual key type: the TLS handshake itself will tell.
        }
        try {
            byte[] challenge = new byte[32];
            new SecureRandom().nextBytes(challenge);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(challenge);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(challenge);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    @Override
    public String toString() {
        return "ServerCertificate[" + certificate().getSubjectX500Principal().getName() + ", SHA-256 " + sha256Fingerprint()
                + "]";
    }
}
