package org.skvmoip.client.api;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a user may do (docs/api.md, Roles): an admin everything, an operator power, keyboard,
 * mouse and paste on the machines granted, a viewer only watch them. The server checks every
 * request; the clients use the role only to hide what would be refused.
 */
public enum Role {
    ADMIN, OPERATOR, VIEWER;

    /** Power buttons, keyboard, mouse, paste, key combos, taking control. */
    public boolean controls() {
        return this != VIEWER;
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * A role this client does not know reads as a viewer: hiding a control the server would allow
     * costs a user a button, showing one it refuses only gets a 403.
     */
    @JsonCreator
    public static Role of(String wire) {
        for (Role role : values()) {
            if (role.wire().equals(wire)) {
                return role;
            }
        }
        return VIEWER;
    }
}
