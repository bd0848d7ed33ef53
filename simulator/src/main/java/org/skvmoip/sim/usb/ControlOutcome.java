package org.skvmoip.sim.usb;

import java.util.Arrays;

/** How the device answered one control request: data (an IN data stage), a plain ACK, or STALL. */
public record ControlOutcome(Kind kind, byte[] data) {

    public enum Kind { DATA, ACK, STALL }

    public static final ControlOutcome ACK = new ControlOutcome(Kind.ACK, new byte[0]);
    public static final ControlOutcome STALL = new ControlOutcome(Kind.STALL, new byte[0]);

    public static ControlOutcome data(byte[] data, int off, int len) {
        return new ControlOutcome(Kind.DATA, Arrays.copyOfRange(data, off, off + len));
    }

    public boolean stalled() {
        return kind == Kind.STALL;
    }

    @Override
    public String toString() {
        return kind == Kind.DATA ? "DATA" + HexBytes.of(data) : kind.name();
    }
}
