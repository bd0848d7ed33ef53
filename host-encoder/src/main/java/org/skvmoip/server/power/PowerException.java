package org.skvmoip.server.power;

/** A power operation that could not be carried out, with why (the API answers busy and offline differently). */
public final class PowerException extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** Another power operation on the same machine is running. */
        BUSY,
        /** The machine's module link is down: nothing was pressed. */
        OFFLINE,
        /** The link dropped after the press was sent: the outcome is unknown. */
        LINK_LOST
    }

    private final Reason reason;

    public PowerException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
