/* The 96-bit unique device id (RM0368 §24.1). */
#ifndef SKVM_DRIVERS_UID_H
#define SKVM_DRIVERS_UID_H

#include <stdint.h>

/* Copies the 12 id bytes, lowest address first, into dst. */
void uid_read(uint8_t dst[12]);

#endif
