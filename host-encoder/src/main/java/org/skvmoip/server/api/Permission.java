package org.skvmoip.server.api;

/**
 * What a route needs of a logged-in caller beyond being logged in (docs/api.md, "Roles"). A
 * route that names a machine (path {@code {name}} or query {@code machine}) also needs the
 * machine granted; an ungranted one answers as an unknown one would.
 */
public enum Permission {
    /** Any logged-in user: logout, the session, the machines list (filtered by grants). */
    NONE,
    /** A granted machine, any role: its state, video, snapshot, events. */
    VIEW,
    /** A granted machine, operator or admin: power, keyboard, mouse, paste. */
    CONTROL,
    /** An admin: adoption, discovery. */
    ADMINISTER,
    /** Every machine granted: metrics, which name every machine. */
    EVERY_MACHINE
}
