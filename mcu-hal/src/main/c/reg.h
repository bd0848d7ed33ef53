/*
 * The register access layer: the one place where the board build and the host build of the
 * device's C differ. Every driver reads and writes the STM32F401's memory map (peripheral
 * registers, the flash array, the unique-id words, the Cortex-M4 system registers) through
 * reg_read and reg_write, 32 bits at a time, never through a pointer of its own; and masks
 * interrupts through irq_save and irq_restore. Nothing else may test SKVM_HOST.
 *
 * Board (arm-none-eabi): volatile loads and stores at the RM0368 address, inlined, and the
 * PRIMASK instructions of the Cortex-M4 (PM0214 §2.1.3).
 * Host (-DSKVM_HOST, the simulator's `stm32` board): calls into the simulator's register
 * models (host/reg_host.c), which decode the address as the bus matrix would.
 */
#ifndef SKVM_REG_H
#define SKVM_REG_H

#include <stdint.h>

#if defined(SKVM_HOST)

uint32_t reg_read(uint32_t address);
void reg_write(uint32_t address, uint32_t value);
/* Sets PRIMASK (no interrupt handler runs until irq_restore) and returns its previous value. */
uint32_t irq_save(void);
void irq_restore(uint32_t primask);

#else

static inline uint32_t reg_read(uint32_t address) {
    return *(volatile uint32_t *)(uintptr_t)address;
}

static inline void reg_write(uint32_t address, uint32_t value) {
    *(volatile uint32_t *)(uintptr_t)address = value;
}

static inline uint32_t irq_save(void) {
    uint32_t primask;
    __asm__ volatile("mrs %0, primask\n\tcpsid i" : "=r"(primask) : : "memory");
    return primask;
}

static inline void irq_restore(uint32_t primask) {
    __asm__ volatile("msr primask, %0" : : "r"(primask) : "memory");
}

#endif

static inline void reg_set(uint32_t address, uint32_t bits) {
    reg_write(address, reg_read(address) | bits);
}

static inline void reg_clear(uint32_t address, uint32_t bits) {
    reg_write(address, reg_read(address) & ~bits);
}

/* Reads the register until (value & mask) == value_wanted, at most polls times: hardware that
 * never gets there (a dead crystal, an unclocked core) is reported, not waited on forever.
 * Returns 1 when it did, 0 when the bound ran out. */
static inline int reg_wait(uint32_t address, uint32_t mask, uint32_t value_wanted, uint32_t polls) {
    for (uint32_t i = 0; i < polls; i++) {
        if ((reg_read(address) & mask) == value_wanted) {
            return 1;
        }
    }
    return 0;
}

/* Replaces the bits of mask with those of value (a field write). */
static inline void reg_modify(uint32_t address, uint32_t mask, uint32_t value) {
    reg_write(address, (reg_read(address) & ~mask) | (value & mask));
}

#endif
