package org.skvmoip.server.module;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.SecretKeySpec;

import org.skvmoip.hal.Crypto;

/**
 * The server's {@link Crypto} for the control protocol: the JDK's HmacSHA256 {@link Mac} and
 * {@link SecureRandom}. The firmware's simulator binding hand-assembles HMAC to stay
 * allocation-free; the server has no such budget and uses the provider's implementation.
 *
 * <p>One instance per module link: a {@code Mac} is not thread-safe, and a link's session only
 * runs on its event loop. The key is re-initialised only when it changes (the secret during the
 * handshake, then the session key for every frame).
 */
public final class JcaCrypto implements Crypto {

    private static final String HMAC_SHA256 = "HmacSHA256";

    private final Mac mac;
    private final SecureRandom random;
    private byte[] currentKey = new byte[0];

    public JcaCrypto() {
        this(new SecureRandom());
    }

    public JcaCrypto(SecureRandom random) {
        try {
            this.mac = Mac.getInstance(HMAC_SHA256);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides " + HMAC_SHA256, e);
        }
        this.random = random;
    }

    @Override
    public synchronized void hmacSha256(byte[] key, int keyOff, int keyLen, byte[] data, int dataOff, int dataLen,
            byte[] out, int outOff) {
        useKey(key, keyOff, keyLen);
        mac.update(data, dataOff, dataLen);
        finish(out, outOff);
    }

    @Override
    public synchronized void hmacSha256Concat(byte[] key, int keyOff, int keyLen, byte[] a, int aOff, int aLen,
            byte[] b, int bOff, int bLen, byte[] out, int outOff) {
        useKey(key, keyOff, keyLen);
        mac.update(a, aOff, aLen);
        mac.update(b, bOff, bLen);
        finish(out, outOff);
    }

    @Override
    public void randomBytes(byte[] out, int off, int len) {
        byte[] bytes = new byte[len];
        random.nextBytes(bytes);
        System.arraycopy(bytes, 0, out, off, len);
    }

    private void useKey(byte[] key, int keyOff, int keyLen) {
        if (Arrays.equals(currentKey, 0, currentKey.length, key, keyOff, keyOff + keyLen)) {
            return;
        }
        try {
            mac.init(new SecretKeySpec(key, keyOff, keyLen, HMAC_SHA256));
        } catch (InvalidKeyException e) {
            // The message names the length only: the key itself must never reach a log.
            throw new IllegalArgumentException("HmacSHA256 refused a key of " + keyLen + " bytes", e);
        }
        currentKey = Arrays.copyOfRange(key, keyOff, keyOff + keyLen);
    }

    private void finish(byte[] out, int outOff) {
        try {
            mac.doFinal(out, outOff);
        } catch (ShortBufferException e) {
            throw new IllegalArgumentException("no room for " + HMAC_SHA256_LENGTH + " bytes at out[" + outOff + "]", e);
        }
    }

    // The server's SecureRandom seeds itself from the operating system: it keeps no seed of
    // its own, and material handed to it supplements its state (SecureRandom.setSeed).

    @Override
    public void startRandom(byte[] stored, int storedOff, byte[] next, int nextOff) {
        randomBytes(next, nextOff, SEED_LENGTH);
    }

    @Override
    public void nextSeedStored() {
    }

    @Override
    public void mixSeed(byte[] material, int off, int len, byte[] next, int nextOff) {
        random.setSeed(Arrays.copyOfRange(material, off, off + len));
        randomBytes(next, nextOff, SEED_LENGTH);
    }
}
