/* EXTI lines 0..15 on GPIO pins (RM0368 §10.2-10.3, SYSCFG_EXTICR §7.2.3). */
#ifndef SKVM_DRIVERS_EXTI_H
#define SKVM_DRIVERS_EXTI_H

#include <stdint.h>

#define EXTI_EDGE_RISING  1u
#define EXTI_EDGE_FALLING 2u

/* Routes the pin's line to its port, selects the edges, clears a stale pending bit, unmasks
 * the line and enables the line's IRQ in the NVIC. SYSCFG's clock must be on. */
void exti_arm(uint32_t pin, uint32_t edges);
/* The NVIC position serving EXTI line 0..15 (its own for 0-4, EXTI9_5, EXTI15_10). */
uint32_t exti_irq(uint32_t line);
/* Clears and returns those of the lines in mask that are pending. */
uint32_t exti_take_pending(uint32_t mask);

#endif
