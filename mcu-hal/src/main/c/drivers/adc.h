/* ADC1 single conversions of the internal temperature sensor (RM0368 §11). */
#ifndef SKVM_DRIVERS_ADC_H
#define SKVM_DRIVERS_ADC_H

#include <stdint.h>

/* Polls of ADC_SR that one conversion may take before it counts as failed: a conversion of
 * 480 + 12 ADC cycles at 21 MHz is about 2000 CPU cycles at 84 MHz, and each poll takes at
 * least 2 of those, so this is over 10 times what a working ADC needs. */
#define ADC_EOC_POLLS_MAX 10000u

/* Powers ADC1 at PCLK2 / 4 with the temperature sensor on channel 18, sampled for
 * sample_time (an ADC_SMPR_ code of stm32f401/adc.h: 480 cycles for a temperature, 3 for noise). */
void adc_init_temperature(uint32_t sample_time);
/* One conversion; returns 1 and the 12-bit result in *value, or 0 when EOC never came. The
 * converter settles for tSTAB (datasheet: about 3 us) after power-up: a caller that wants a
 * temperature rather than noise discards the first conversion. */
int adc_read(uint16_t *value);

#endif
