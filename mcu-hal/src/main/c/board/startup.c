/*
 * The board's reset path and the 16 core entries of the vector table (PM0214 §2.3.4); the
 * device interrupts' entries are skvm_irq_vectors (vectors.c), which the linker script places
 * right after these and checks.
 *
 * Reset_Handler: .data copied from flash, .bss zeroed, the FPU enabled (the code is built with
 * -mfloat-abi=hard, so any function may use s0-s31), VTOR pointed at the table, the clock tree
 * started, then main(): the bring-up image's (bringup/main.c), or in a MicroEJ image the
 * platform's main, which starts the VM (docs/device-build.md).
 */
#include <stdint.h>
#include "reg.h"
#include "board/faults.h"
#include "drivers/clock.h"
#include "stm32f401/cortex_m4.h"

extern uint32_t _sidata, _sdata, _edata, _sbss, _ebss, _estack;
extern const uint32_t skvm_core_vectors[];
extern int main(void);

/* What clock_init answered, for main to show: the board still runs (on the HSI) if it failed. */
int board_clock_status;

void Reset_Handler(void);

void Reset_Handler(void) {
    const uint32_t *from = &_sidata;
    for (uint32_t *to = &_sdata; to < &_edata;) {
        *to++ = *from++;
    }
    for (uint32_t *to = &_sbss; to < &_ebss;) {
        *to++ = 0u;
    }
    reg_set(SCB_CPACR, SCB_CPACR_CP10_FULL | SCB_CPACR_CP11_FULL);
    /* PM0214 §4.6.1: the new access rights hold only after these barriers. */
    __asm__ volatile("dsb\n\tisb" ::: "memory");
    reg_write(SCB_VTOR, (uint32_t)(uintptr_t)skvm_core_vectors);
    faults_enable();
    board_clock_status = clock_init();
    main();
    /* main does not return; if it does, start again. */
    faults_reset();
}

__attribute__((section(".isr_vector.core"), used))
const uint32_t skvm_core_vectors[CORTEX_M4_CORE_VECTORS] = {
    (uint32_t)(uintptr_t)&_estack,          /*  0 initial main stack pointer */
    (uint32_t)(uintptr_t)Reset_Handler,     /*  1 */
    (uint32_t)(uintptr_t)NMI_Handler,       /*  2 */
    (uint32_t)(uintptr_t)HardFault_Handler, /*  3 */
    (uint32_t)(uintptr_t)MemManage_Handler, /*  4 */
    (uint32_t)(uintptr_t)BusFault_Handler,  /*  5 */
    (uint32_t)(uintptr_t)UsageFault_Handler, /* 6 */
    0u, 0u, 0u, 0u,                         /*  7-10 reserved */
    (uint32_t)(uintptr_t)SVC_Handler,       /* 11 */
    (uint32_t)(uintptr_t)DebugMon_Handler,  /* 12 */
    0u,                                     /* 13 reserved */
    (uint32_t)(uintptr_t)PendSV_Handler,    /* 14 */
    (uint32_t)(uintptr_t)SysTick_Handler,   /* 15 */
};
