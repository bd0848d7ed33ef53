package org.skvmoip.sim.e2e;

/** HID Usage Tables page 0x07 codes and HID 1.11 Appendix B.1 modifier bits the tests type. */
final class Keys {

    static final int A = 0x04;
    static final int B = 0x05;
    static final int C = 0x06;
    static final int D = 0x07;
    static final int E = 0x08;
    static final int F = 0x09;
    static final int G = 0x0A;
    static final int H = 0x0B;
    static final int L = 0x0F;
    static final int O = 0x12;
    static final int Z = 0x1D;
    static final int CAPS_LOCK = 0x39;

    static final int NONE = 0x00;
    static final int LEFT_SHIFT = 0x02;
    static final int LEFT_CTRL = 0x01;

    private Keys() {
    }
}
