package org.skvmoip.firmware.w5500;

/**
 * Negative results of socket operations. Int codes rather than exceptions, so the main loop
 * never allocates, even when the network misbehaves.
 */
public final class SocketError {

    private SocketError() {
    }

    /** The socket is not in a state that allows the operation (for example, not connected). */
    public static final int NOT_CONNECTED = -1;
    /** The chip did not accept a command in time: it was reset or is not answering. */
    public static final int CHIP_NOT_RESPONDING = -2;
    /** The chip reported a timeout (no answer from the peer after all retransmissions). */
    public static final int TIMEOUT = -3;
    /** The socket did not reach the state the command should have put it in. */
    public static final int UNEXPECTED_STATE = -4;
    /** An argument is out of range (length, port, buffer). */
    public static final int BAD_ARGUMENT = -5;
    /** The chip is not started or has lost its configuration (a reset): re-initialise it first. */
    public static final int CHIP_NOT_CONFIGURED = -6;

    /** A description for logs and status reports; no allocation. */
    public static String describe(int code) {
        switch (code) {
            case NOT_CONNECTED:
                return "socket not connected";
            case CHIP_NOT_RESPONDING:
                return "W5500 did not accept the command (chip reset or not answering)";
            case TIMEOUT:
                return "peer did not answer (retransmission timeout)";
            case UNEXPECTED_STATE:
                return "socket did not reach the expected state";
            case BAD_ARGUMENT:
                return "argument out of range";
            case CHIP_NOT_CONFIGURED:
                return "W5500 not configured (not started, or reset since): re-initialise it before opening sockets";
            default:
                return code >= 0 ? "ok" : "unknown socket error";
        }
    }
}
