/*
 * LEGACY, for skvm_crypto.c only: the ADC and UID registers it still dereferences directly.
 * Everything else uses the register maps of stm32f401/ through reg.h; this file goes when the
 * crypto binding takes its ADC samples from drivers/adc.h (its owner is moving it).
 */
#ifndef SKVM_STM32F401_REGS_H
#define SKVM_STM32F401_REGS_H

#include <stdint.h>

#define REG32(address) (*(volatile uint32_t *)(uintptr_t)(address))

#define RCC_APB2ENR         REG32(0x40023800u + 0x44u)
#define RCC_APB2ENR_ADC1EN  (1u << 8)

#define UID_BASE            0x1FFF7A10u
#define UID_BYTES           12u

#define ADC1_BASE           0x40012000u
#define ADC1_SR             REG32(ADC1_BASE + 0x00u)
#define ADC1_CR2            REG32(ADC1_BASE + 0x08u)
#define ADC1_SMPR1          REG32(ADC1_BASE + 0x0Cu)
#define ADC1_SQR1           REG32(ADC1_BASE + 0x2Cu)
#define ADC1_SQR3           REG32(ADC1_BASE + 0x34u)
#define ADC1_DR             REG32(ADC1_BASE + 0x4Cu)
#define ADC_SR_EOC          (1u << 1)
#define ADC_CR2_ADON        (1u << 0)
#define ADC_CR2_SWSTART     (1u << 30)
#define ADC_CCR             REG32(0x40012300u + 0x04u)
#define ADC_CCR_TSVREFE     (1u << 23)
#define ADC_CHANNEL_TEMPERATURE 18u

#endif
