package org.skvmoip.hal.stm32;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** skvm_irq_vectors: one entry per position of RM0368 table 38, a handler for every EXTI group. */
class VectorTableTest {

    @Test
    void everyExtiGroupHasItsHandlerAndTheRestFallToTheDefault() throws Exception {
        List<String> vectors = BspHarness.run("vectors").starting("VECTOR");

        assertThat(vectors).hasSize(85);
        for (int irq : List.of(6, 7, 8, 9, 10, 23, 40)) {
            assertThat(vectors.get(irq)).isEqualTo("VECTOR " + irq + " handled");
        }
        assertThat(vectors.get(0)).as("WWDG, unused").isEqualTo("VECTOR 0 default");
    }
}
