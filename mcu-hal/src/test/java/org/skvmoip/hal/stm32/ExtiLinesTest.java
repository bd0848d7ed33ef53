package org.skvmoip.hal.stm32;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A Java thread waiting in irqSuspendUntil on any pin 0..15 of the wiring is woken by its edge:
 * the right NVIC line is enabled (RM0368 table 38: EXTI0..4 have their own, 5-9 and 10-15 share
 * one each) and its handler resumes the thread.
 */
class ExtiLinesTest {

    private static final long NVIC_ISER0 = 0xE000E100L;

    @ParameterizedTest(name = "pin {0} (EXTI line {1}) wakes through IRQ {2}")
    @CsvSource({"0, 0, 6", "17, 1, 7", "4, 4, 10", "6, 6, 23", "7, 7, 23", "29, 13, 40", "45, 13, 40"})
    void anEdgeOnTheLineResumesTheWaitingThread(int pin, int line, int irq) throws Exception {
        BspHarness.Run run = BspHarness.run("irq", Integer.toString(pin));

        long iser = run.register(NVIC_ISER0 + 4L * (irq / 32));
        assertThat((iser >> (irq % 32)) & 1).as("NVIC IRQ %d enabled", irq).isEqualTo(1);
        assertThat(run.lines()).as("no unhandled interrupt").doesNotContain("RESET");
        assertThat(run.starting("RESUMED")).as("the waiting thread is resumed").contains("RESUMED 7");
    }
}
