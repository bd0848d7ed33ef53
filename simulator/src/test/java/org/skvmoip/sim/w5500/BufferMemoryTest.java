package org.skvmoip.sim.w5500;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skvmoip.firmware.w5500.SocketRegisters.*;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The 16 KB TX and 16 KB RX memories, split per socket and addressed by 16-bit pointers. */
class BufferMemoryTest {

    private final W5500Model model = new W5500Model(HostNetwork.loopback(-1));
    private final RawSpi spi = new RawSpi(model);

    @AfterEach
    void close() {
        model.close();
    }

    private static byte[] ramp(int length, int seed) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (seed + i * 7);
        }
        return data;
    }

    @Test
    void burstAcrossTheEndOfA2KbBufferWrapsToItsStart() {
        // given socket 1 with its reset 2 KB TX buffer, when 300 bytes are written at pointer 0xFF80
        byte[] data = ramp(300, 3);
        spi.write(RawSpi.txBuffer(1), 0xFF80, data);

        // then they read back at 0xFF80 in one burst, and the part past 0xFFFF sits at 0x0000
        assertThat(spi.read(RawSpi.txBuffer(1), 0xFF80, 300)).isEqualTo(data);
        byte[] tail = spi.read(RawSpi.txBuffer(1), 0x0000, 300 - 0x80);
        assertThat(tail).isEqualTo(java.util.Arrays.copyOfRange(data, 0x80, 300));
    }

    @Test
    void pointersOneBufferSizeApartAddressTheSameByte() {
        spi.write(RawSpi.txBuffer(0), 0x0123, (byte) 0x5A);
        spi.write(RawSpi.rxBuffer(0), 0x0123 + 2048, (byte) 0x6B);

        assertThat(spi.read8(RawSpi.txBuffer(0), 0x0123 + 2048)).isEqualTo(0x5A);
        assertThat(spi.read8(RawSpi.txBuffer(0), 0x0123 + 5 * 2048)).isEqualTo(0x5A);
        assertThat(spi.read8(RawSpi.rxBuffer(0), 0x0123)).isEqualTo(0x6B);
    }

    @Test
    void socketsHaveSeparateRegions() {
        for (int n = 0; n < 8; n++) {
            spi.write(RawSpi.txBuffer(n), 0x0010, (byte) (0x10 + n));
            spi.write(RawSpi.rxBuffer(n), 0x0010, (byte) (0x20 + n));
        }
        for (int n = 0; n < 8; n++) {
            assertThat(spi.read8(RawSpi.txBuffer(n), 0x0010)).isEqualTo(0x10 + n);
            assertThat(spi.read8(RawSpi.rxBuffer(n), 0x0010)).isEqualTo(0x20 + n);
        }
    }

    @Test
    void bufferSizeTakesEffectAtOpen() {
        // given socket 0's TX buffer set to 8 KB
        spi.write8(RawSpi.socketRegisters(0), Sn_TXBUF_SIZE, 8);
        assertThat(spi.txFree(0)).as("before OPEN").isEqualTo(2048);

        // when it is opened
        spi.openTcp(0, 5000);

        // then it has 8 KB, and 8 KB apart is the same byte
        assertThat(spi.txFree(0)).isEqualTo(8192);
        spi.write(RawSpi.txBuffer(0), 0x0100, (byte) 0x77);
        assertThat(spi.read8(RawSpi.txBuffer(0), 0x0100 + 8192)).isEqualTo(0x77);
        assertThat(spi.read8(RawSpi.txBuffer(0), 0x0100 + 2048)).isZero();
    }

    @Test
    void socketWhoseBufferDoesNotFitIn16KbGetsNone() {
        // given sockets 0 and 1 take 8 KB each, so 16 KB are gone
        for (int n = 0; n < 2; n++) {
            spi.write8(RawSpi.socketRegisters(n), Sn_TXBUF_SIZE, 8);
            spi.write8(RawSpi.socketRegisters(n), Sn_RXBUF_SIZE, 8);
        }

        // when socket 2 (still 2 KB) is opened
        spi.openTcp(2, 5002);

        // then it has no buffer: no free TX space, and its memory reads 0
        assertThat(spi.txFree(2)).isZero();
        spi.write(RawSpi.txBuffer(2), 0x0000, (byte) 0x12);
        assertThat(spi.read8(RawSpi.txBuffer(2), 0x0000)).isZero();
    }

    @Test
    void sizeOutsideTheDatasheetsListGivesNoBuffer() {
        spi.write8(RawSpi.socketRegisters(4), Sn_TXBUF_SIZE, 3);

        spi.openTcp(4, 5004);

        assertThat(spi.txFree(4)).isZero();
    }

    @Test
    void openResetsThePointers() {
        spi.write16(RawSpi.socketRegisters(0), Sn_TX_WR, 0x1234);
        spi.write16(RawSpi.socketRegisters(0), Sn_RX_RD, 0x4321);

        spi.openTcp(0, 5000);

        assertThat(spi.read16(RawSpi.socketRegisters(0), Sn_TX_WR)).isZero();
        assertThat(spi.read16(RawSpi.socketRegisters(0), Sn_TX_RD)).isZero();
        assertThat(spi.read16(RawSpi.socketRegisters(0), Sn_RX_RD)).isZero();
        assertThat(spi.read16(RawSpi.socketRegisters(0), Sn_RX_WR)).isZero();
        assertThat(spi.txFree(0)).isEqualTo(2048);
        assertThat(spi.rxReceived(0)).isZero();
        assertThat(spi.status(0)).isEqualTo(SOCK_INIT);
    }
}
