package org.skvmoip.server.auth;

import java.util.Locale;

/**
 * What a user may do (docs/api.md, "Roles"). One per user; the machines they may do it on are
 * their grants.
 */
public enum Role {
    /** Users, adoption, and everything an operator may, on every machine. */
    ADMIN,
    /** Power, keyboard, mouse, paste, snapshots and video of the machines granted. */
    OPERATOR,
    /** Video, snapshots and events of the machines granted; nothing that reaches a machine. */
    VIEWER;

    /** The name in the users file, the API and the CLI: "admin", "operator", "viewer". */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the three roles */
    public static Role parse(String name) {
        for (Role role : values()) {
            if (role.wireName().equals(name)) {
                return role;
            }
        }
        throw new IllegalArgumentException("a role is admin, operator or viewer, was \"" + name + "\"");
    }
}
