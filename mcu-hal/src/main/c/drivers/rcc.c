#include "drivers/rcc.h"
#include "reg.h"

void rcc_enable(uint32_t enable_register, uint32_t bits) {
    reg_set(enable_register, bits);
    /* ES0182 §2.1: the clock reaches the peripheral 2 AHB (or 1 + AHB/APB) cycles after the
     * write; an access before that is lost. Reading the enable register back stalls the core
     * until the write has reached RCC, which is the errata's workaround. */
    (void)reg_read(enable_register);
}
