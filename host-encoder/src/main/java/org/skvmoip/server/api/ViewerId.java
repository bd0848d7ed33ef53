package org.skvmoip.server.api;

/**
 * How a viewer is named in {@link org.skvmoip.server.input.ControlSeats}: its user and its
 * connection, so that one user's two windows are two viewers, while the API shows only the user.
 */
public final class ViewerId {

    private ViewerId() {
    }

    public static String of(String user, String connection) {
        return user + "/" + connection;
    }

    /** The user part of a viewer id (the whole id when it was not made by {@link #of}). */
    public static String user(String viewerId) {
        int slash = viewerId.lastIndexOf('/');
        return slash < 0 ? viewerId : viewerId.substring(0, slash);
    }
}
