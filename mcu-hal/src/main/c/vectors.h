/*
 * The device interrupts' handlers, indexed by their position in RM0368 table 38
 * (stm32f401/irq.h). The board's start-up places this array right after the 16 core entries of
 * the vector table; the simulator's NVIC model calls skvm_irq_vectors[n]() for IRQ n.
 */
#ifndef SKVM_VECTORS_H
#define SKVM_VECTORS_H

#include "stm32f401/irq.h"

typedef void (*skvm_irq_handler)(void);

extern const skvm_irq_handler skvm_irq_vectors[IRQ_COUNT];

/* What an IRQ without a handler does: nothing enabled one, so the firmware's state is not what
 * it thinks; reset the board rather than take the same interrupt forever. */
void Default_Handler(void);

void EXTI0_IRQHandler(void);
void EXTI1_IRQHandler(void);
void EXTI2_IRQHandler(void);
void EXTI3_IRQHandler(void);
void EXTI4_IRQHandler(void);
void EXTI9_5_IRQHandler(void);
void EXTI15_10_IRQHandler(void);
void OTG_FS_IRQHandler(void);

#endif
