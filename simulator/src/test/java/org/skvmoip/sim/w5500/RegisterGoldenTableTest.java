package org.skvmoip.sim.w5500;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every register of datasheet v1.1 §4.1 and §4.2, as literal data: address, reset value, access.
 * Each row is checked through SPI frames on a fresh chip.
 */
class RegisterGoldenTableTest {

    private static final int SOCKETS = 8;

    static List<RegisterRow> commonRows() {
        return RegisterRow.load("common-registers.csv");
    }

    static List<RegisterRow> socketRows() {
        return RegisterRow.load("socket-registers.csv");
    }

    @Test
    void tablesCoverEveryAddressOfBothBlocksOnce() {
        assertThat(coverage(commonRows())).isEqualTo(0x3A);
        assertThat(coverage(socketRows())).isEqualTo(0x30);
    }

    private static int coverage(List<RegisterRow> rows) {
        int next = 0;
        for (RegisterRow row : rows) {
            assertThat(row.offset()).as("%s starts where the previous row ends", row.name()).isEqualTo(next);
            next += row.bytes();
        }
        return next;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commonRows")
    void commonRegisterHasItsResetValueAndAccess(RegisterRow row) {
        try (W5500Model model = new W5500Model(HostNetwork.loopback(-1))) {
            RawSpi spi = new RawSpi(model);
            // given a fresh chip, then its reset value
            assertThat(spi.read(RawSpi.COMMON, row.offset(), row.bytes())).as("%s reset value", row).isEqualTo(row.reset());

            // when a pattern is written
            byte[] written = writeValue(row, 0);
            spi.write(RawSpi.COMMON, row.offset(), written);

            // then it reads back (RW) or nothing changed
            assertReadBack(row, spi.read(RawSpi.COMMON, row.offset(), row.bytes()), written);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("socketRows")
    void socketRegisterHasItsResetValueAndAccessInEverySocket(RegisterRow row) {
        try (W5500Model model = new W5500Model(HostNetwork.loopback(-1))) {
            RawSpi spi = new RawSpi(model);
            for (int n = 0; n < SOCKETS; n++) {
                assertThat(spi.read(RawSpi.socketRegisters(n), row.offset(), row.bytes()))
                        .as("socket %d %s reset value", n, row).isEqualTo(row.reset());
            }
            byte[][] written = new byte[SOCKETS][];
            for (int n = 0; n < SOCKETS; n++) {
                written[n] = writeValue(row, n);
                spi.write(RawSpi.socketRegisters(n), row.offset(), written[n]);
            }
            for (int n = 0; n < SOCKETS; n++) {
                assertReadBack(row, spi.read(RawSpi.socketRegisters(n), row.offset(), row.bytes()), written[n]);
            }
        }
    }

    /** RW: a per-socket pattern within the mask (other bits as at reset); otherwise all ones. */
    private static byte[] writeValue(RegisterRow row, int socket) {
        byte[] value = new byte[row.bytes()];
        for (int i = 0; i < value.length; i++) {
            if (row.access().equals("RW")) {
                int pattern = 0xA5 ^ (0x3C * (i + 1)) ^ (socket * 0x11);
                value[i] = (byte) ((pattern & row.mask()) | (row.reset()[i] & ~row.mask()));
            } else {
                value[i] = (byte) 0xFF;
            }
        }
        return value;
    }

    private static void assertReadBack(RegisterRow row, byte[] read, byte[] written) {
        switch (row.access()) {
            case "RW" -> {
                for (int i = 0; i < read.length; i++) {
                    assertThat(read[i] & row.mask()).as("%s byte %d reads back", row, i).isEqualTo(written[i] & row.mask());
                }
            }
            case "CMD" -> assertThat(read).as("%s reads 00 once the command is taken", row).containsOnly(0);
            case "RO", "W1C", "RES" -> assertThat(read).as("%s (%s) ignores the write", row, row.access()).isEqualTo(row.reset());
            default -> throw new IllegalArgumentException("unknown access " + row.access() + " in row " + row);
        }
    }

    @Test
    void versionRegisterReadsW5500() {
        try (W5500Model model = new W5500Model(HostNetwork.loopback(-1))) {
            assertThat(new RawSpi(model).read8(RawSpi.COMMON, 0x0039)).isEqualTo(0x04);
        }
    }

    @ParameterizedTest(name = "BSB {0}")
    @ValueSource(ints = {4, 8, 12, 16, 20, 24, 28})
    void reservedBlockReadsZeroAndIgnoresWrites(int block) {
        try (W5500Model model = new W5500Model(HostNetwork.loopback(-1))) {
            RawSpi spi = new RawSpi(model);
            spi.write(block, 0x0000, new byte[] {0x11, 0x22, 0x33, 0x44});
            spi.write(block, 0x1234, (byte) 0x55);
            assertThat(spi.read(block, 0x0000, 4)).containsOnly(0);
            assertThat(spi.read8(block, 0x1234)).isZero();
        }
    }

    @ParameterizedTest(name = "offset 0x{0}")
    @ValueSource(ints = {0x003A, 0x0040, 0x0100, 0xFFFF})
    void addressPastTheCommonBlockReadsZeroAndIgnoresWrites(int offset) {
        try (W5500Model model = new W5500Model(HostNetwork.loopback(-1))) {
            RawSpi spi = new RawSpi(model);
            spi.write8(RawSpi.COMMON, offset, 0x5A);
            assertThat(spi.read8(RawSpi.COMMON, offset)).isZero();
        }
    }

    @ParameterizedTest(name = "offset 0x{0}")
    @ValueSource(ints = {0x0030, 0x0031, 0x00FF, 0xFFFF})
    void addressPastTheSocketBlockReadsZeroAndIgnoresWrites(int offset) {
        try (W5500Model model = new W5500Model(HostNetwork.loopback(-1))) {
            RawSpi spi = new RawSpi(model);
            spi.write8(RawSpi.socketRegisters(3), offset, 0x5A);
            assertThat(spi.read8(RawSpi.socketRegisters(3), offset)).isZero();
        }
    }
}
