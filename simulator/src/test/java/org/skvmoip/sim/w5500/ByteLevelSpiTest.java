package org.skvmoip.sim.w5500;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SCSn and one byte at a time (§2.2: SCSn falling starts a frame, rising ends it), as a simulated
 * SPI peripheral drives the chip's pins, against whole-frame {@code transfer}s.
 */
class ByteLevelSpiTest {

    private final W5500Model bytewise = new W5500Model(HostNetwork.loopback(-1));
    private final W5500Model framewise = new W5500Model(HostNetwork.loopback(-1));

    @AfterEach
    void close() {
        bytewise.close();
        framewise.close();
    }

    private static int[] byBytes(W5500Model chip, int... mosi) {
        int[] miso = new int[mosi.length];
        chip.chipSelect(true);
        for (int i = 0; i < mosi.length; i++) {
            miso[i] = chip.exchange(mosi[i]);
        }
        chip.chipSelect(false);
        return miso;
    }

    private static int[] byFrame(W5500Model chip, int... mosi) {
        byte[] tx = new byte[mosi.length];
        for (int i = 0; i < mosi.length; i++) {
            tx[i] = (byte) mosi[i];
        }
        byte[] rx = new byte[tx.length];
        chip.transfer(tx, 0, rx, 0, tx.length);
        int[] miso = new int[rx.length];
        for (int i = 0; i < rx.length; i++) {
            miso[i] = rx[i] & 0xFF;
        }
        return miso;
    }

    /** Frames a driver sends: a burst write, reads across registers, fixed-length accesses mixed in one frame. */
    private static final int[][] FRAMES = {
        {0x00, 0x01, RawSpi.control(0, true, 0), 192, 168, 1, 1, 255, 255, 255, 0, 2, 0, 0, 0, 0, 1, 192, 168, 1, 50},
        {0x00, 0x00, RawSpi.control(0, false, 0), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0},
        {0x00, 0x16, RawSpi.control(0, true, 1), 0xF0, 0x00, 0x19, RawSpi.control(0, true, 2), 0x01, 0x23},
        {0x00, 0x16, RawSpi.control(0, false, 1), 0, 0x00, 0x19, RawSpi.control(0, false, 2), 0, 0},
        {0x00, 0x1E, RawSpi.control(RawSpi.socketRegisters(3), false, 0), 0, 0, 0, 0, 0, 0},
        {0xFF, 0xFE, RawSpi.control(RawSpi.txBuffer(0), true, 0), 1, 2, 3, 4},
        {0xFF, 0xFE, RawSpi.control(RawSpi.txBuffer(0), false, 0), 0, 0, 0, 0},
        {0x00, 0x39, RawSpi.control(0, false, 0), 0},
    };

    @Test
    void byteLevelFramesClockOutTheSameBytesAsTransfers() {
        for (int[] frame : FRAMES) {
            assertThat(byBytes(bytewise, frame)).as("MISO for the same frame").containsExactly(byFrame(framewise, frame));
        }
        assertThat(bytewise.counters().snapshot().toString()).isEqualTo(framewise.counters().snapshot().toString());
    }

    @Test
    void scsnRisingEndsTheFrameSoTheNextByteIsAnAddress() {
        // given a variable-length read of VERSIONR cut short by SCSn rising
        byBytes(bytewise, 0x00, 0x39, RawSpi.control(0, false, 0));

        // when a new frame starts, its first three bytes are header again
        int[] miso = byBytes(bytewise, 0x00, 0x39, RawSpi.control(0, false, 0), 0);

        assertThat(miso).containsExactly(1, 2, 3, 0x04);
    }

    @Test
    void bytesClockedWhileDeselectedAreIgnored() {
        assertThat(bytewise.exchange(0x00)).isZero();
        assertThat(bytewise.exchange(0x18)).isZero();

        int[] miso = byBytes(bytewise, 0x00, 0x39, RawSpi.control(0, false, 0), 0);

        assertThat(miso).containsExactly(1, 2, 3, 0x04);
        assertThat(bytewise.counters().bytes()).isEqualTo(4);
    }

    @Test
    void aTransferWhileAByteLevelFrameIsOpenIsRefused() {
        bytewise.chipSelect(true);

        assertThatThrownBy(() -> bytewise.transfer(new byte[3], 0, null, 0, 3))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("chipSelect(false)");
    }

    @Test
    void aCommandWrittenByteByByteIsTakenAndWakesTheInterruptListener() {
        int[] wakes = new int[1];
        bytewise.onInterrupt(() -> wakes[0]++);
        byBytes(bytewise, 0x00, 0x18, RawSpi.control(0, true, 0), 0x01); // SIMR: socket 0
        byBytes(bytewise, 0x00, 0x00, RawSpi.control(RawSpi.socketRegisters(0), true, 0), 0x02); // Sn_MR UDP
        byBytes(bytewise, 0x00, 0x04, RawSpi.control(RawSpi.socketRegisters(0), true, 0), 0x13, 0x88);

        byBytes(bytewise, 0x00, 0x01, RawSpi.control(RawSpi.socketRegisters(0), true, 0), 0x01); // OPEN
        assertThat(byBytes(bytewise, 0x00, 0x03, RawSpi.control(RawSpi.socketRegisters(0), false, 0), 0)[3])
                .as("Sn_SR").isEqualTo(0x22);
        byBytes(bytewise, 0x00, 0x01, RawSpi.control(RawSpi.socketRegisters(0), true, 0), 0x20); // SEND of nothing

        assertThat(bytewise.interruptLine().isAsserted()).isTrue();
        assertThat(wakes[0]).isGreaterThan(0);
    }
}
