/* External interrupt/event controller (EXTI), RM0368 §10.3: register map §10.3.7 (table 37).
 * One bit per line in each register; lines 0..15 are the GPIO pins selected by SYSCFG_EXTICR. */
#ifndef SKVM_STM32F401_EXTI_H
#define SKVM_STM32F401_EXTI_H

#define EXTI_BASE               0x40013C00u

#define EXTI_IMR                (EXTI_BASE + 0x00u) /* interrupt mask: 1 = unmasked */
#define EXTI_EMR                (EXTI_BASE + 0x04u) /* event mask */
#define EXTI_RTSR               (EXTI_BASE + 0x08u) /* rising trigger selection */
#define EXTI_FTSR               (EXTI_BASE + 0x0Cu) /* falling trigger selection */
#define EXTI_SWIER              (EXTI_BASE + 0x10u) /* software interrupt event */
#define EXTI_PR                 (EXTI_BASE + 0x14u) /* pending: rc_w1, cleared by writing 1 */
#define EXTI_GPIO_LINES         16u

#endif
