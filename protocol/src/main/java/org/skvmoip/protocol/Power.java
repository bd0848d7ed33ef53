package org.skvmoip.protocol;

/**
 * POWER payload (docs/protocol.md §4.4): one front-panel action, timed by the module so a lost
 * connection can never leave a button held.
 *
 * <pre>
 * 0      action   1 SHORT_PRESS, 2 LONG_PRESS (force off), 3 RESET
 * </pre>
 */
public final class Power {

    public static final int ACTION = 0;
    public static final int LENGTH = 1;

    /** Power button pressed briefly: turns an off machine on, asks a running OS to shut down. */
    public static final int SHORT_PRESS = 1;
    /** Power button held until the machine forces itself off (ATX: 4 s or more). */
    public static final int LONG_PRESS = 2;
    /** Reset button pulsed. */
    public static final int RESET = 3;

    private Power() {
    }

    public static int action(byte[] b, int p) {
        return Bytes.u8(b, p + ACTION);
    }

    /** Writes the payload; returns {@link #LENGTH}, or {@link ProtocolError#BAD_FIELD} for an unknown action. */
    public static int write(byte[] dst, int p, int action) {
        if (action < SHORT_PRESS || action > RESET) {
            return ProtocolError.BAD_FIELD;
        }
        dst[p + ACTION] = (byte) action;
        return LENGTH;
    }

    static int validate(byte[] b, int p) {
        int action = action(b, p);
        return action >= SHORT_PRESS && action <= RESET ? 0 : ProtocolError.BAD_FIELD;
    }
}
