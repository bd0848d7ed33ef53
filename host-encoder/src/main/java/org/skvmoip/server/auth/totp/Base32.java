package org.skvmoip.server.auth.totp;

import java.io.ByteArrayOutputStream;

/**
 * Base 32 as RFC 4648 §6 defines it (alphabet A-Z, 2-7; five bits a character, most
 * significant first), the form authenticator apps take a TOTP key in. Written without the '='
 * padding, which the otpauth URI leaves out; read in either case, with or without padding.
 */
public final class Base32 {

    static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

    private Base32() {
    }

    public static String encode(byte[] bytes) {
        StringBuilder text = new StringBuilder((bytes.length * 8 + 4) / 5);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                text.append(ALPHABET.charAt((buffer >>> bits) & 0x1f));
            }
        }
        if (bits > 0) {
            // The last group is padded on the right with zero bits (RFC 4648 §6).
            text.append(ALPHABET.charAt((buffer << (5 - bits)) & 0x1f));
        }
        return text.toString();
    }

    /** The bytes; the message names the first character that is not base 32. */
    public static byte[] decode(String text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length() * 5 / 8);
        int buffer = 0;
        int bits = 0;
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '=') {
            end--;
        }
        for (int i = 0; i < end; i++) {
            int value = ALPHABET.indexOf(Character.toUpperCase(text.charAt(i)));
            if (value < 0) {
                throw new IllegalArgumentException("not base 32 (A-Z, 2-7): character " + (i + 1) + " is '"
                        + text.charAt(i) + "'");
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits >= 8) {
                bits -= 8;
                bytes.write((buffer >>> bits) & 0xff);
            }
        }
        return bytes.toByteArray();
    }
}
