package org.skvmoip.sim.stm32;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Every modelled register reads its RM0368 / PM0214 reset value (golden table reset-values.csv). */
class RegisterResetValuesTest {

    record Row(String block, String register, int address, int reset) {
    }

    @Test
    void everyRegisterReadsItsResetValue() throws Exception {
        List<Row> rows = rows();
        Stm32Chip chip = Chips.plain();
        Stm32Bus bus = chip.bus();
        // RCC first, before the clocks are enabled to reach the other blocks.
        for (Row row : rows) {
            if (row.block().equals("RCC")) {
                assertThat(bus.read(row.address())).as(row.block() + "_" + row.register()).isEqualTo(row.reset());
            }
        }
        Chips.enableClocks(bus);
        for (Row row : rows) {
            if (!row.block().equals("RCC")) {
                assertThat(bus.read(row.address())).as(row.block() + "_" + row.register()).isEqualTo(row.reset());
            }
        }
        assertThat(bus.lostAccesses()).isEmpty();
        assertThat(rows).hasSizeGreaterThan(50);
    }

    private static List<Row> rows() throws Exception {
        List<Row> rows = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                RegisterResetValuesTest.class.getResourceAsStream("reset-values.csv"), StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split(",");
                rows.add(new Row(f[0], f[1], Integer.parseUnsignedInt(f[2].substring(2), 16),
                        Integer.parseUnsignedInt(f[3].substring(2), 16)));
            }
        }
        return rows;
    }
}
