package org.skvmoip.protocol;

/** Which end of the connection: frames are typed and MACed by the side that sends them. */
public final class Side {

    public static final int SERVER = 1;
    public static final int MODULE = 2;

    private Side() {
    }

    /** The other end. */
    public static int peer(int side) {
        return side == SERVER ? MODULE : SERVER;
    }

    /** The direction byte MACed ahead of frames that {@code sender} sends (docs/protocol.md §2). */
    public static int directionByte(int sender) {
        return sender == SERVER ? Protocol.DIRECTION_SERVER_TO_MODULE : Protocol.DIRECTION_MODULE_TO_SERVER;
    }
}
