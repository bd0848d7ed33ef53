package org.skvmoip.server.auth;

import java.util.List;

/**
 * One user of the users file: the password's hash (PasswordHasher's format), the role and the
 * grants, in the order they were given.
 */
public record Account(String name, String passwordHash, Role role, List<String> grants) {

    public Account {
        grants = List.copyOf(grants);
    }

    /** The hash stays out: this string may reach logs. */
    @Override
    public String toString() {
        return name + " (" + role.wireName() + ", " + (grants.isEmpty() ? "no grants" : String.join(" ", grants)) + ")";
    }
}
