package org.skvmoip.server.tls;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.skvmoip.server.config.ConfigException;
import org.skvmoip.server.config.PrivateFile;

/**
 * PEM files as OpenSSL and certificate authorities write them: a certificate chain (leaf first),
 * and an unencrypted private key in PKCS#8 ("PRIVATE KEY") or OpenSSL's older RSA/EC form.
 * Read with Bouncy Castle's parser, converted to JDK key and certificate objects.
 */
final class PemFiles {

    private PemFiles() {
    }

    static List<X509Certificate> readChain(Path file) throws IOException, ConfigException {
        List<X509Certificate> chain = new ArrayList<>();
        try (PEMParser parser = open(file)) {
            Object item;
            while ((item = parser.readObject()) != null) {
                if (item instanceof X509CertificateHolder holder) {
                    chain.add(new JcaX509CertificateConverter().getCertificate(holder));
                }
            }
        } catch (IOException | CertificateException | RuntimeException e) {
            throw unreadable(file, "certificate", e);
        }
        if (chain.isEmpty()) {
            throw new ConfigException(file, 0, "", "holds no certificate (expected a \"-----BEGIN CERTIFICATE-----\" block)");
        }
        return chain;
    }

    static PrivateKey readKey(Path file) throws IOException, ConfigException {
        try (PEMParser parser = open(file)) {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            Object item;
            while ((item = parser.readObject()) != null) {
                if (item instanceof PrivateKeyInfo info) {
                    return converter.getPrivateKey(info);
                }
                if (item instanceof PEMKeyPair pair) {
                    return converter.getKeyPair(pair).getPrivate();
                }
                if (item instanceof PKCS8EncryptedPrivateKeyInfo || item instanceof PEMEncryptedKeyPair) {
                    throw new ConfigException(file, 0, "", "the private key is encrypted; the server starts unattended"
                            + " and needs it unencrypted (openssl pkey -in KEY -out PLAIN-KEY), readable by its user only");
                }
                if (!(item instanceof X9ECParameters || item instanceof ASN1ObjectIdentifier)) {
                    // "EC PARAMETERS" blocks before an EC key are normal; anything else is not a key file.
                    throw new ConfigException(file, 0, "", "expected a private key, found " + describe(item));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw unreadable(file, "private key", e);
        }
        throw new ConfigException(file, 0, "", "holds no private key (expected a \"-----BEGIN PRIVATE KEY-----\" block)");
    }

    static void writeChain(Path file, List<X509Certificate> chain) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (X509Certificate certificate : chain) {
                writer.writeObject(certificate);
            }
        }
        PrivateFile.write(file, text.toString().getBytes(StandardCharsets.US_ASCII));
    }

    static void writeKey(Path file, PrivateKey key) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(new JcaPKCS8Generator(key, null));
        }
        PrivateFile.write(file, text.toString().getBytes(StandardCharsets.US_ASCII));
    }

    private static PEMParser open(Path file) throws IOException, ConfigException {
        try {
            Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
            return new PEMParser(reader);
        } catch (NoSuchFileException e) {
            throw new ConfigException(file, 0, "", "no such file");
        }
    }

    private static ConfigException unreadable(Path file, String what, Exception e) {
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new ConfigException(file, 0, "", "not a readable PEM " + what + " (" + detail + ")");
    }

    private static String describe(Object item) {
        return item instanceof X509CertificateHolder ? "a certificate" : item.getClass().getSimpleName();
    }
}
