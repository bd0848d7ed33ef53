package org.skvmoip.protocol;

/**
 * What {@link ModuleSession#feed} and {@link ServerSession#feed} report when they do not report
 * an error (errors are the negative {@link ProtocolError} codes).
 */
public final class SessionEvent {

    /** Every byte was taken and no frame completed; or {@code tick} found nothing to report. */
    public static final int NONE = 0;
    /** A frame was handled inside the protocol (a keep-alive, a handshake step); send the output. */
    public static final int HANDLED = 1;
    /** The handshake finished: both sides proved the secret; session frames may flow. */
    public static final int AUTHENTICATED = 2;
    /** A message for the application: see {@code messageType()} and the payload accessors. */
    public static final int MESSAGE = 3;
    /** Module: ADOPT gave it its first secret; store it ({@code copySecret}) before anything else. */
    public static final int ADOPTED = 4;
    /**
     * Module: SET_SECRET gave it a new secret; store it, then call {@code acknowledgeSecret()}.
     * Server: the module has stored the secret it was sent.
     */
    public static final int SECRET_CHANGED = 5;
    /** Server: the module said HELLO; choose {@code authenticate} or {@code adopt}. */
    public static final int HELLO = 6;

    private SessionEvent() {
    }
}
