package org.skvmoip.hal.stm32;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** ADC1 as the crypto binding's noise source uses it (RM0368 §11; fADC at most 36 MHz). */
class AdcDriverTest {

    private static final long ADC_CCR = 0x40012304L;
    private static final long PCLK2_HZ = 84_000_000L;

    @Test
    void theAdcClockIsPclk2OverFourWithinThe36MHzLimit() throws Exception {
        BspHarness.Run run = BspHarness.run("adc");

        int adcpre = (int) (run.register(ADC_CCR) >> 16) & 3;
        long adcHz = PCLK2_HZ / (2L * (adcpre + 1));
        assertThat(adcHz).isEqualTo(21_000_000L).isLessThanOrEqualTo(36_000_000L);
        assertThat(run.starting("ADC")).containsExactly("ADC ok");
    }

    @Test
    void channel18IsTheTemperatureSensorNotVbat() throws Exception {
        long ccr = BspHarness.run("adc").register(ADC_CCR);

        assertThat(ccr & (1L << 23)).as("TSVREFE").isNotZero();
        assertThat(ccr & (1L << 22)).as("VBATE would take channel 18").isZero();
    }

    @Test
    void aConversionThatNeverEndsIsReportedAsAFailureInsteadOfHanging() throws Exception {
        assertThat(BspHarness.run("adc-dead").starting("ADC")).containsExactly("ADC failed");
    }
}
