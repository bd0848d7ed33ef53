/* The independent watchdog (RM0368 §17.3): timeout = (RLR + 1) * (4 << PR) / LSI. */
#ifndef SKVM_DRIVERS_IWDG_H
#define SKVM_DRIVERS_IWDG_H

#include <stdint.h>

#define IWDG_TIMEOUT_MAX_MS 32768u

/* Starts the watchdog (or changes its timeout) with the prescaler and reload nearest to
 * timeout_ms, clamped to 1..32768 ms, frozen while a debugger halts the core. */
void iwdg_start(uint32_t timeout_ms);
void iwdg_kick(void);

#endif
