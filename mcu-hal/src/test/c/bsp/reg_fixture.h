/*
 * TEST FIXTURE, not a model of the STM32F401: reg.h's host functions over a plain map of
 * addresses to values, with just enough behaviour for the drivers' waits to end (ready flags
 * follow their enable bits, EXTI_PR and NVIC ISER act as the manual says) and a log of every
 * access. The simulator's register models (org.skvmoip.sim.stm32) are the real host hardware;
 * this only lets a test look at what the C wrote.
 */
#ifndef SKVM_TEST_REG_FIXTURE_H
#define SKVM_TEST_REG_FIXTURE_H

#include <stdint.h>

/* Faults a test can inject. */
extern int fixture_hse_dead;   /* HSERDY never comes */
extern int fixture_adc_dead;   /* EOC never comes */
extern int fixture_log;        /* print every access as it happens: "R addr value" / "W addr value" */

void fixture_set(uint32_t address, uint32_t value);
uint32_t fixture_get(uint32_t address);
/* Prints every register that was written or set: "REG addr value". */
void fixture_dump(void);

#endif
