package org.skvmoip.sim.stm32.host;

/** A natives class with one native that no C defines: its library must not build. */
final class UnboundNatives {

    private UnboundNatives() {
    }

    static native int nextCount();

    static native void notInTheC(byte[] buffer, int length);
}
