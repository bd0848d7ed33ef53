/*
 * Analog-to-digital converter (ADC1), RM0368 §11.12 and the common registers §11.12.16-17;
 * register map §11.13 (tables 59-60). fADC at most 36 MHz (datasheet DS9716 table 66, VDDA
 * 2.4-3.6 V).
 */
#ifndef SKVM_STM32F401_ADC_H
#define SKVM_STM32F401_ADC_H

#define ADC1_BASE               0x40012000u

#define ADC_SR                  (ADC1_BASE + 0x00u) /* (§11.12.1) */
#define ADC_SR_EOC              (1u << 1)
#define ADC_SR_OVR              (1u << 5)
#define ADC_CR1                 (ADC1_BASE + 0x04u) /* (§11.12.2) */
#define ADC_CR2                 (ADC1_BASE + 0x08u) /* (§11.12.3) */
#define ADC_CR2_ADON            (1u << 0)
#define ADC_CR2_SWSTART         (1u << 30)
#define ADC_SMPR1               (ADC1_BASE + 0x0Cu) /* channels 10..18, 3 bits each (§11.12.4) */
#define ADC_SMPR_BITS           3u
#define ADC_SMPR_MASK           7u
#define ADC_SMPR_3_CYCLES       0u
#define ADC_SMPR_480_CYCLES     7u          /* the sensor wants >= 10 us (datasheet TS_temp) */
#define ADC_SQR1                (ADC1_BASE + 0x2Cu) /* [23:20] L = conversions - 1 (§11.12.9) */
#define ADC_SQR3                (ADC1_BASE + 0x34u) /* [4:0] first conversion's channel (§11.12.11) */
#define ADC_SQR3_SQ1_MASK       0x1Fu
#define ADC_DR                  (ADC1_BASE + 0x4Cu) /* [15:0] data (§11.12.14) */

#define ADC_COMMON_BASE         0x40012300u
#define ADC_CCR                 (ADC_COMMON_BASE + 0x04u) /* (§11.12.17) */
#define ADC_CCR_ADCPRE_MASK     (3u << 16)  /* [17:16] fADC = PCLK2 / (2, 4, 6, 8) */
#define ADC_CCR_ADCPRE_DIV2     (0u << 16)
#define ADC_CCR_ADCPRE_DIV4     (1u << 16)
#define ADC_CCR_ADCPRE_DIV6     (2u << 16)
#define ADC_CCR_ADCPRE_DIV8     (3u << 16)
#define ADC_CCR_VBATE           (1u << 22)
#define ADC_CCR_TSVREFE         (1u << 23)

#define ADC_CHANNEL_TEMPERATURE 18u         /* the internal temperature sensor (§11.10) */
#define ADC_MAX_HZ              36000000u

#endif
