/*
 * Faults (PM0214 §2.4): each fault has its own handler, and every one of them ends in a system
 * reset, so a fault never hangs the module, with or without the watchdog running. What the
 * fault registers said is kept in RAM that start-up leaves alone (.noinit), for the next boot
 * or a debugger to read; with a debugger attached the core stops at a breakpoint first.
 */
#ifndef SKVM_BOARD_FAULTS_H
#define SKVM_BOARD_FAULTS_H

#include <stdint.h>

struct fault_record {
    uint32_t magic;   /* FAULT_RECORD_MAGIC when the rest is valid */
    uint32_t kind;    /* the exception number: 3 HardFault .. 6 UsageFault, 0 unexpected */
    uint32_t cfsr;
    uint32_t hfsr;
    uint32_t mmfar;
    uint32_t bfar;
};

#define FAULT_RECORD_MAGIC 0xFA017ED0u

extern struct fault_record fault_last;

/* MemManage, BusFault and UsageFault get their own handlers instead of all escalating to
 * HardFault; division by zero traps instead of giving 0. */
void faults_enable(void);
void faults_reset(void);
void faults_unexpected(void);

void HardFault_Handler(void);
void MemManage_Handler(void);
void BusFault_Handler(void);
void UsageFault_Handler(void);

/* No code here uses NMI (the HSE clock security system is off), SVCall, DebugMonitor, PendSV or
 * SysTick; MicroEJ's port and the bring-up image define what they use. Weak: an unexpected one
 * resets like a fault. */
void NMI_Handler(void);
void SVC_Handler(void);
void DebugMon_Handler(void);
void PendSV_Handler(void);
void SysTick_Handler(void);

#endif
