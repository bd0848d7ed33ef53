package org.skvmoip.sim.stm32;

import java.util.Random;
import java.util.function.LongSupplier;

/**
 * ADC1 (RM0368 §11) as the C uses it: one regular conversion started by SWSTART, of the first
 * channel of the sequence (SQR3 SQ1); EOC set at once, cleared by reading DR. Channel 18 is the
 * temperature sensor when the common register's TSVREFE is set and VBATE is not (VBATE puts
 * VBAT / 4 there, §11.10) (datasheet: 0.76 V at 25 °C, 2.5 mV/°C; here 30 °C with the noise of a
 * few LSBs that the device mixes into its entropy).
 * ADCCLK = PCLK2 / ADCPRE must stay within 36 MHz (datasheet, ADC characteristics); a
 * conversion started above it is refused.
 */
public final class Adc implements Peripheral {

    // Register offsets of ADC1 (RM0368 §11.12.16) and of the common block at +0x300
    static final int SR = 0x00;
    static final int CR1 = 0x04;
    static final int CR2 = 0x08;
    static final int SMPR1 = 0x0C;
    static final int HTR = 0x24;
    static final int SQR3 = 0x34;
    static final int DR = 0x4C;
    static final int CCR = 0x304;
    static final int SIZE = 0x400;

    static final int SR_EOC = 1 << 1;
    static final int SR_STRT = 1 << 4;
    static final int CR2_ADON = 1 << 0;
    static final int CR2_SWSTART = 1 << 30;
    static final int CCR_VBATE = 1 << 22;
    static final int CCR_TSVREFE = 1 << 23;
    /** The module's 3.3 V on VBAT, through the ADC's divider by 4 (RM0368 §11.10). */
    private static final double VBAT_QUARTER_VOLTS = 3.3 / 4;
    static final int CHANNEL_TEMPERATURE = 18;
    static final long ADCCLK_MAX_HZ = 36_000_000L;

    private final LongSupplier pclk2Hz;
    private final Random noise;
    private final int[] registers = new int[SIZE / 4];

    Adc(LongSupplier pclk2Hz, long seed) {
        this.pclk2Hz = pclk2Hz;
        this.noise = new Random(seed);
        registers[HTR / 4] = 0xFFF;
    }

    long adcClockHz() {
        int adcpre = (registers[CCR / 4] >>> 16) & 3;
        return pclk2Hz.getAsLong() / (2L * (adcpre + 1));
    }

    @Override
    public int read(int offset) {
        int value = registers[offset / 4];
        if (offset == DR) {
            registers[SR / 4] &= ~SR_EOC;
        }
        return value;
    }

    @Override
    public void write(int offset, int value) {
        if (offset == SR) {
            registers[SR / 4] &= value; // rc_w0
            return;
        }
        if (offset == DR) {
            return;
        }
        if (offset == CR2) {
            registers[CR2 / 4] = value & ~CR2_SWSTART;
            if ((value & CR2_SWSTART) != 0 && (value & CR2_ADON) != 0) {
                convert();
            }
            return;
        }
        registers[offset / 4] = value;
    }

    private void convert() {
        if (adcClockHz() > ADCCLK_MAX_HZ) {
            throw new BusFault("ADC conversion at ADCCLK " + adcClockHz() / 1_000_000 + " MHz: at most 36 MHz "
                    + "(PCLK2 " + pclk2Hz.getAsLong() / 1_000_000 + " MHz; raise ADCPRE in ADC_CCR)");
        }
        int channel = registers[SQR3 / 4] & 0x1F;
        int sample = noise.nextInt(9) - 4;
        int ccr = registers[CCR / 4];
        if (channel == CHANNEL_TEMPERATURE && (ccr & CCR_VBATE) != 0) {
            // VBATE puts VBAT / 4 on channel 18, over the sensor (RM0368 §11.10: VBAT wins).
            sample += (int) Math.round(VBAT_QUARTER_VOLTS / 3.3 * 4095);
        } else if (channel == CHANNEL_TEMPERATURE && (ccr & CCR_TSVREFE) != 0) {
            double volts = 0.76 + 0.0025 * (30 - 25);
            sample += (int) Math.round(volts / 3.3 * 4095);
        }
        registers[DR / 4] = Math.max(0, Math.min(4095, sample));
        registers[SR / 4] |= SR_EOC | SR_STRT;
    }
}
