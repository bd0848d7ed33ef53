package org.skvmoip.server.auth.totp;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One-time recovery codes for a user who lost the phone: 10 per enrolment, each 10 characters
 * of lowercase base 32 (50 random bits), shown as {@code xxxx-xxxx-xx}. They are typed in place
 * of a TOTP code; case, dashes and spaces do not matter.
 */
public final class RecoveryCodes {

    public static final int COUNT = 10;
    static final int LENGTH = 10;
    private static final String ALPHABET = Base32.ALPHABET.toLowerCase(Locale.ROOT);

    private RecoveryCodes() {
    }

    /** New codes in their canonical form (no dashes); {@link #display} shows them. */
    public static List<String> generate(SecureRandom random) {
        List<String> codes = new ArrayList<>(COUNT);
        for (int n = 0; n < COUNT; n++) {
            StringBuilder code = new StringBuilder(LENGTH);
            for (int i = 0; i < LENGTH; i++) {
                code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            codes.add(code.toString());
        }
        return codes;
    }

    /** "abcd-efgh-ij" for the canonical "abcdefghij". */
    public static String display(String canonical) {
        return canonical.substring(0, 4) + "-" + canonical.substring(4, 8) + "-" + canonical.substring(8);
    }

    /** The canonical form of what a user typed; empty when it cannot be a recovery code. */
    public static Optional<String> canonical(String typed) {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < typed.length(); i++) {
            char c = Character.toLowerCase(typed.charAt(i));
            if (c == '-' || c == ' ') {
                continue;
            }
            if (ALPHABET.indexOf(c) < 0 || code.length() == LENGTH) {
                return Optional.empty();
            }
            code.append(c);
        }
        return code.length() == LENGTH ? Optional.of(code.toString()) : Optional.empty();
    }
}
