#include "drivers/adc.h"
#include "drivers/clock.h"
#include "drivers/rcc.h"
#include "reg.h"
#include "stm32f401/adc.h"
#include "stm32f401/rcc.h"

/* fADC = PCLK2 / 4 = 21 MHz: /2 would be 42 MHz, over the converter's 36 MHz. */
#define ADC_PRESCALER ADC_CCR_ADCPRE_DIV4
#define ADC_PRESCALER_DIVIDER 4u
_Static_assert(CLOCK_PCLK2_HZ / ADC_PRESCALER_DIVIDER <= ADC_MAX_HZ, "ADC clock over 36 MHz");

void adc_init_temperature(uint32_t sample_time) {
    rcc_enable(RCC_APB2ENR, RCC_APB2ENR_ADC1EN);
    /* Channel 18 is the sensor or VBAT; with VBATE also set it converts VBAT (§11.10). */
    reg_modify(ADC_CCR, ADC_CCR_ADCPRE_MASK | ADC_CCR_VBATE | ADC_CCR_TSVREFE, ADC_PRESCALER | ADC_CCR_TSVREFE);
    uint32_t shift = ADC_SMPR_BITS * (ADC_CHANNEL_TEMPERATURE - 10u);
    reg_modify(ADC_SMPR1, ADC_SMPR_MASK << shift, sample_time << shift);
    reg_write(ADC_SQR1, 0u); /* one conversion per sequence */
    reg_write(ADC_SQR3, ADC_CHANNEL_TEMPERATURE);
    reg_set(ADC_CR2, ADC_CR2_ADON);
}

int adc_read(uint16_t *value) {
    reg_set(ADC_CR2, ADC_CR2_SWSTART);
    if (!reg_wait(ADC_SR, ADC_SR_EOC, ADC_SR_EOC, ADC_EOC_POLLS_MAX)) {
        return 0;
    }
    *value = (uint16_t)(reg_read(ADC_DR) & 0xFFFu); /* reading DR clears EOC */
    return 1;
}
