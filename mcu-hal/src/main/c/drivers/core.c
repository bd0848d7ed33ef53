#include "drivers/core.h"
#include "reg.h"
#include "stm32f401/cortex_m4.h"

void nvic_enable(uint32_t irq) {
    /* ISERn is write-1-to-set: a plain write leaves the other IRQs as they are. */
    reg_write(NVIC_ISER0 + 4u * (irq / NVIC_IRQS_PER_REGISTER), 1u << (irq % NVIC_IRQS_PER_REGISTER));
}

void core_system_reset(void) {
    reg_write(SCB_AIRCR, SCB_AIRCR_VECTKEY | SCB_AIRCR_SYSRESETREQ);
    /* The reset takes a few cycles to arrive; nothing after the request may run meanwhile. */
    for (;;) {
    }
}
