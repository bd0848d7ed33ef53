/* The Cortex-M4 core's NVIC and system control block (PM0214 §4.3, §4.4). */
#ifndef SKVM_DRIVERS_CORE_H
#define SKVM_DRIVERS_CORE_H

#include <stdint.h>

/* Enables an STM32F401 IRQ (a position of stm32f401/irq.h) in the NVIC. */
void nvic_enable(uint32_t irq);

/* Asks the core for a system reset (AIRCR SYSRESETREQ); does not return on the board. */
void core_system_reset(void);

#endif
