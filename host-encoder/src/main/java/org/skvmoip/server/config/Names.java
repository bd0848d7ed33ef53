package org.skvmoip.server.config;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Names of machines and users: they appear in URLs, file keys and log lines, so they are kept
 * to characters that need no escaping anywhere.
 */
public final class Names {

    public static final int MAX_LENGTH = 64;
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._-]{1," + MAX_LENGTH + "}");

    private Names() {
    }

    public static boolean valid(String name) {
        return name != null && VALID.matcher(name).matches();
    }

    /** Why the name cannot be used, for an error message; empty when it can. */
    public static Optional<String> problem(String name) {
        if (name == null || name.isEmpty()) {
            return Optional.of("a name is needed");
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of("a name has at most " + MAX_LENGTH + " characters, this one has " + name.length());
        }
        if (!VALID.matcher(name).matches()) {
            return Optional.of("a name has only letters A-Z a-z, digits, '.', '_' and '-', was \"" + name + "\"");
        }
        return Optional.empty();
    }
}
