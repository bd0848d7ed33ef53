package org.skvmoip.sim.w5500;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SpiCountersTest {

    private final W5500Model model = new W5500Model(HostNetwork.loopback(-1));
    private final RawSpi spi = new RawSpi(model);

    @AfterEach
    void close() {
        model.close();
    }

    @Test
    void countsFramesAndBytesPerBlockAndSocket() {
        SpiCounts before = model.counters().snapshot();

        spi.read(RawSpi.COMMON, 0x0039, 1);
        spi.write(RawSpi.txBuffer(3), 0x0000, new byte[10]);
        spi.read(RawSpi.rxBuffer(3), 0x0000, 5);
        spi.read16(RawSpi.socketRegisters(3), 0x0020);
        spi.read8(8, 0x0000);

        SpiCounts used = model.counters().snapshot().minus(before);
        assertThat(used.frames()).isEqualTo(5);
        assertThat(used.bytes()).isEqualTo(4 + 13 + 8 + 5 + 4);
        assertThat(used.bytes(SpiCounters.Block.COMMON)).isEqualTo(4);
        assertThat(used.bytes(SpiCounters.Block.TX_BUFFER)).isEqualTo(13);
        assertThat(used.bytes(SpiCounters.Block.RX_BUFFER)).isEqualTo(8);
        assertThat(used.bytes(SpiCounters.Block.SOCKET_REGISTERS)).isEqualTo(5);
        assertThat(used.bytes(SpiCounters.Block.RESERVED)).isEqualTo(4);
        assertThat(used.socketBytes(3)).isEqualTo(13 + 8 + 5);
        assertThat(used.accesses(SpiCounters.Block.TX_BUFFER)).isEqualTo(1);
    }

    @Test
    void fixedLengthAccessesCountOneHeaderEach() {
        byte[] tx = {0x00, 0x16, 0x01, 0x00, 0x00, 0x16, 0x01, 0x00};
        model.counters().reset();

        model.transfer(tx, 0, new byte[8], 0, 8);

        assertThat(model.counters().frames()).isEqualTo(1);
        assertThat(model.counters().accesses(SpiCounters.Block.COMMON)).isEqualTo(2);
        assertThat(model.counters().bytes(SpiCounters.Block.COMMON)).isEqualTo(8);
    }

    @Test
    void resetZeroesEveryCount() {
        spi.read(RawSpi.COMMON, 0x0039, 1);

        model.counters().reset();

        assertThat(model.counters().bytes()).isZero();
        assertThat(model.counters().frames()).isZero();
        assertThat(model.counters().socketBytes(0)).isZero();
    }
}
