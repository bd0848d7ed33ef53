/*
 * The STM32F401's interrupt numbers: the "position" column of RM0368 §10.1.3, table 38 (the
 * vector table for STM32F401xB/C and xD/E). Only the ones the firmware names; the gaps are
 * other peripherals or reserved positions.
 */
#ifndef SKVM_STM32F401_IRQ_H
#define SKVM_STM32F401_IRQ_H

#define IRQ_WWDG                0u
#define IRQ_FLASH               4u
#define IRQ_RCC                 5u
#define IRQ_EXTI0               6u
#define IRQ_EXTI1               7u
#define IRQ_EXTI2               8u
#define IRQ_EXTI3               9u
#define IRQ_EXTI4               10u
#define IRQ_ADC                 18u
#define IRQ_EXTI9_5             23u
#define IRQ_SPI1                35u
#define IRQ_EXTI15_10           40u
#define IRQ_OTG_FS_WKUP         42u
#define IRQ_OTG_FS              67u
#define IRQ_FPU                 81u
#define IRQ_SPI4                84u         /* the last position on the F401 */
#define IRQ_COUNT               85u

#endif
