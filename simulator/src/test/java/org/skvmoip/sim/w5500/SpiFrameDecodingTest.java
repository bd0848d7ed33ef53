package org.skvmoip.sim.w5500;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Frames decoded byte by byte as datasheet v1.1 §2.2 describes. */
class SpiFrameDecodingTest {

    private final W5500Model model = new W5500Model(HostNetwork.loopback(-1));
    private final RawSpi spi = new RawSpi(model);

    @AfterEach
    void close() {
        model.close();
    }

    private byte[] frame(int... bytes) {
        byte[] tx = new byte[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            tx[i] = (byte) bytes[i];
        }
        byte[] rx = new byte[tx.length];
        model.transfer(tx, 0, rx, 0, tx.length);
        return rx;
    }

    @Test
    void variableLengthBurstRunsAcrossRegisters() {
        // given GAR, SUBR, SHAR and SIPR written in one burst from 0x0001
        spi.write(RawSpi.COMMON, 0x0001, new byte[] {
            (byte) 192, (byte) 168, 1, 1, (byte) 255, (byte) 255, (byte) 255, 0,
            0x02, 0x00, 0x00, 0x00, 0x00, 0x01, (byte) 192, (byte) 168, 1, 50});

        // then each register holds its part
        assertThat(spi.read(RawSpi.COMMON, 0x0001, 4)).containsExactly(192, 168, 1, 1);
        assertThat(spi.read(RawSpi.COMMON, 0x0005, 4)).containsExactly(255, 255, 255, 0);
        assertThat(spi.read(RawSpi.COMMON, 0x0009, 6)).containsExactly(2, 0, 0, 0, 0, 1);
        assertThat(spi.read(RawSpi.COMMON, 0x000F, 4)).containsExactly(192, 168, 1, 50);
    }

    @Test
    void headerBytesClockOutTheChipsFixedPattern() {
        byte[] rx = frame(0x00, 0x39, RawSpi.control(0, false, 0), 0x00);

        assertThat(rx).containsExactly(0x01, 0x02, 0x03, 0x04);
    }

    @Test
    void fixedLengthModesStartANewHeaderAfterTheirDataInTheSameFrame() {
        // given, in one frame: a 1-byte write to IMR, a 2-byte write to RTR, a 4-byte write to SIPR
        frame(0x00, 0x16, RawSpi.control(0, true, 1), 0xF0,
                0x00, 0x19, RawSpi.control(0, true, 2), 0x01, 0x23,
                0x00, 0x0F, RawSpi.control(0, true, 3), 10, 0, 0, 7);

        // when all three are read back in one frame of fixed-length reads
        byte[] rx = frame(0x00, 0x16, RawSpi.control(0, false, 1), 0,
                0x00, 0x19, RawSpi.control(0, false, 2), 0, 0,
                0x00, 0x0F, RawSpi.control(0, false, 3), 0, 0, 0, 0);

        // then each access read its own bytes, and each header clocked out 01 02 03
        assertThat(rx).containsExactly(1, 2, 3, 0xF0, 1, 2, 3, 0x01, 0x23, 1, 2, 3, 10, 0, 0, 7);
    }

    @Test
    void fixedLengthAccessesCanMixBlocksAndDirections() {
        byte[] rx = frame(0x00, 0x16, RawSpi.control(0, true, 1), 0xA0,
                0x00, 0x16, RawSpi.control(0, false, 1), 0,
                0x00, 0x16, RawSpi.control(RawSpi.socketRegisters(2), false, 2), 0, 0);

        // then IMR reads back 0xA0, then socket 2's Sn_TTL (0x16) its reset 0x80 and reserved 0x17 reads 0
        assertThat(rx).containsExactly(1, 2, 3, 0, 1, 2, 3, 0xA0, 1, 2, 3, 0x80, 0x00);
    }

    @Test
    void addressIncrementsPerDataByteAndWrapsAt16Bits() {
        // given socket 0's TX buffer (2 KB) written across address 0xFFFF -> 0x0000 in one burst
        spi.write(RawSpi.txBuffer(0), 0xFFFE, new byte[] {1, 2, 3, 4});

        // then the bytes landed at 0xFFFE, 0xFFFF, 0x0000, 0x0001
        assertThat(spi.read(RawSpi.txBuffer(0), 0xFFFE, 2)).containsExactly(1, 2);
        assertThat(spi.read(RawSpi.txBuffer(0), 0x0000, 2)).containsExactly(3, 4);
    }

    @Test
    void writeFrameWithoutReceiveBufferIsAccepted() {
        byte[] tx = {0x00, 0x18, (byte) RawSpi.control(0, true, 0), (byte) 0xFF};
        model.transfer(tx, 0, null, 0, tx.length);

        assertThat(spi.read8(RawSpi.COMMON, 0x0018)).isEqualTo(0xFF);
    }

    @Test
    void frameAtAnOffsetInsideLargerArraysUsesOnlyItsSlice() {
        byte[] tx = {0x7F, 0x00, 0x39, (byte) RawSpi.control(0, false, 0), 0x00, 0x7F};
        byte[] rx = new byte[8];

        model.transfer(tx, 1, rx, 2, 4);

        assertThat(rx).containsExactly(0, 0, 1, 2, 3, 4, 0, 0);
    }

    @Test
    void frameEndingInsideTheHeaderDoesNothing() {
        frame(0x00, 0x18);
        frame(0x00);

        assertThat(spi.read8(RawSpi.COMMON, 0x0018)).isZero();
        assertThat(spi.read8(RawSpi.COMMON, 0x0039)).isEqualTo(0x04);
    }
}
