package org.skvmoip.server.auth;

import java.util.Optional;

import org.skvmoip.server.config.Names;

/**
 * One grant of a user: a machine's name, "group:NAME" (a group of the inventory's {@code groups:}
 * mapping), or "*" for every machine.
 */
public final class Grant {

    public static final String EVERY_MACHINE = "*";
    public static final String GROUP_PREFIX = "group:";

    private Grant() {
    }

    /** Why the text is not a grant, for an error message; empty when it is one. */
    public static Optional<String> problem(String grant) {
        if (EVERY_MACHINE.equals(grant)) {
            return Optional.empty();
        }
        if (grant != null && grant.startsWith(GROUP_PREFIX)) {
            return Names.problem(grant.substring(GROUP_PREFIX.length())).map(p -> "group: " + p);
        }
        return Names.problem(grant).map(p -> "a grant is a machine name, group:NAME or *; " + p);
    }

    /** The group a grant names, if it names one. */
    public static Optional<String> group(String grant) {
        return grant.startsWith(GROUP_PREFIX) ? Optional.of(grant.substring(GROUP_PREFIX.length())) : Optional.empty();
    }
}
