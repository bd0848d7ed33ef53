package org.skvmoip.hal.stm32;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * ES0182 §2.1 (delay after an RCC peripheral clock enabling): an access to a peripheral right
 * after its clock is enabled is lost, so every write to an RCC enable register is read back
 * before anything else is touched.
 */
class PeripheralClockErrataTest {

    private static final List<Long> ENABLE_REGISTERS = List.of(0x40023830L, 0x40023834L, 0x40023840L, 0x40023844L);

    @Test
    void everyClockEnableIsReadBackBeforeTheNextAccess() throws Exception {
        List<BspHarness.Access> accesses = BspHarness.run("init").accesses();

        int enables = 0;
        for (int i = 0; i < accesses.size(); i++) {
            BspHarness.Access a = accesses.get(i);
            if (a.write() && ENABLE_REGISTERS.contains(a.address())) {
                enables++;
                assertThat(i + 1).isLessThan(accesses.size());
                BspHarness.Access next = accesses.get(i + 1);
                assertThat(next.write()).as("after enabling 0x%08X", a.address()).isFalse();
                assertThat(next.address()).isEqualTo(a.address());
            }
        }
        assertThat(enables).as("GPIO ports, then SPI1 and SYSCFG").isGreaterThanOrEqualTo(2);
    }
}
