package org.skvmoip.sim.stm32;

import java.util.function.LongSupplier;

/**
 * SPI1 (RM0368 §20) in master mode, 8-bit frames: a write of DR while SPE is set shifts the byte
 * out at once and the byte shifted in is in DR with RXNE set; TXE stays set and BSY clear, as
 * when the transfer has finished. The bytes reach the wires only through PA5 (SCK), PA6 (MISO)
 * and PA7 (MOSI) in alternate function 5; otherwise nothing is clocked and MISO reads 0. With
 * SSM set, SSI low in master mode is a mode fault (MODF clears MSTR and SPE, §20.3.10). A byte
 * received before DR was read sets OVR. The baud rate is PCLK2 / 2^(BR + 1).
 */
public final class Spi implements Peripheral {

    // Register offsets (RM0368 §20.5.10, register map)
    static final int CR1 = 0x00;
    static final int CR2 = 0x04;
    static final int SR = 0x08;
    static final int DR = 0x0C;
    static final int CRCPR = 0x10;
    static final int RXCRCR = 0x14;
    static final int TXCRCR = 0x18;
    static final int I2SCFGR = 0x1C;
    static final int I2SPR = 0x20;
    static final int SIZE = 0x400;

    // CR1
    static final int CR1_CPHA = 1 << 0;
    static final int CR1_CPOL = 1 << 1;
    static final int CR1_MSTR = 1 << 2;
    static final int CR1_BR_SHIFT = 3;
    static final int CR1_SPE = 1 << 6;
    static final int CR1_SSI = 1 << 8;
    static final int CR1_SSM = 1 << 9;
    static final int CR1_DFF = 1 << 11;
    // SR
    static final int SR_RXNE = 1 << 0;
    static final int SR_TXE = 1 << 1;
    static final int SR_MODF = 1 << 5;
    static final int SR_OVR = 1 << 6;
    static final int SR_BSY = 1 << 7;

    /** SPI1's pins on port A and their alternate function (datasheet, table 9). */
    static final int PIN_SCK = 5;
    static final int PIN_MISO = 6;
    static final int PIN_MOSI = 7;
    static final int AF_SPI1 = 5;

    private final Gpio portA;
    private final SpiLink link;
    private final LongSupplier pclk2Hz;
    private int cr1;
    private int cr2;
    private int sr = SR_TXE;
    private int dr;
    private int crcpr = 7;
    private int i2scfgr;
    private int i2spr = 2;
    private long bytes;

    Spi(Gpio portA, SpiLink link, LongSupplier pclk2Hz) {
        this.portA = portA;
        this.link = link;
        this.pclk2Hz = pclk2Hz;
    }

    /** SCK's frequency now. */
    public long baudHz() {
        return pclk2Hz.getAsLong() >> (((cr1 >>> CR1_BR_SHIFT) & 7) + 1);
    }

    /** Bytes that reached the wires. */
    public long bytesOnWire() {
        return bytes;
    }

    private boolean routed(int pin) {
        return portA.alternateFunction(pin) == AF_SPI1;
    }

    @Override
    public int read(int offset) {
        switch (offset) {
            case CR1:
                return cr1;
            case CR2:
                return cr2;
            case SR:
                return sr;
            case DR:
                sr &= ~SR_RXNE;
                return dr;
            case CRCPR:
                return crcpr;
            case I2SCFGR:
                return i2scfgr;
            case I2SPR:
                return i2spr;
            default:
                return 0;
        }
    }

    @Override
    public void write(int offset, int value) {
        switch (offset) {
            case CR1:
                cr1 = value & 0xFFFF;
                checkModeFault();
                break;
            case CR2:
                cr2 = value & 0xF7;
                break;
            case SR:
                sr &= ~(~value & 0x10); // only CRCERR is rc_w0; MODF and OVR clear by sequences
                break;
            case DR:
                transmit(value);
                break;
            case CRCPR:
                crcpr = value & 0xFFFF;
                break;
            case I2SCFGR:
                i2scfgr = value & 0xFBF;
                break;
            case I2SPR:
                i2spr = value & 0x3FF;
                break;
            default:
                break;
        }
    }

    private void checkModeFault() {
        if ((cr1 & CR1_MSTR) != 0 && (cr1 & CR1_SSM) != 0 && (cr1 & CR1_SSI) == 0) {
            sr |= SR_MODF;
            cr1 &= ~(CR1_MSTR | CR1_SPE);
        }
    }

    private void transmit(int value) {
        if ((cr1 & CR1_SPE) == 0 || (cr1 & CR1_MSTR) == 0) {
            return; // disabled, or a slave waiting for a master that is not there
        }
        int in = 0;
        if (routed(PIN_SCK) && routed(PIN_MOSI)) {
            bytes++;
            int got = link.exchange(value & 0xFF);
            in = routed(PIN_MISO) ? got & 0xFF : 0;
        }
        if ((sr & SR_RXNE) != 0) {
            sr |= SR_OVR;
        }
        dr = in;
        sr |= SR_RXNE | SR_TXE;
    }
}
