/* Peripheral clock enables (RM0368 §6.3.9-6.3.12) with the delay errata ES0182 §2.1 asks for. */
#ifndef SKVM_DRIVERS_RCC_H
#define SKVM_DRIVERS_RCC_H

#include <stdint.h>

/* Sets bits in an RCC_xxxENR register; the peripheral may be accessed as soon as this returns. */
void rcc_enable(uint32_t enable_register, uint32_t bits);

#endif
