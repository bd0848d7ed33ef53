#include "board/faults.h"
#include "drivers/core.h"
#include "reg.h"
#include "stm32f401/cortex_m4.h"

__attribute__((section(".noinit"))) struct fault_record fault_last;

void faults_enable(void) {
    reg_set(SCB_SHCSR, SCB_SHCSR_MEMFAULTENA | SCB_SHCSR_BUSFAULTENA | SCB_SHCSR_USGFAULTENA);
    reg_set(SCB_CCR, SCB_CCR_DIV_0_TRP);
}

static void record_and_reset(uint32_t kind) {
    fault_last.kind = kind;
    fault_last.cfsr = reg_read(SCB_CFSR);
    fault_last.hfsr = reg_read(SCB_HFSR);
    fault_last.mmfar = reg_read(SCB_MMFAR);
    fault_last.bfar = reg_read(SCB_BFAR);
    fault_last.magic = FAULT_RECORD_MAGIC;
    if ((reg_read(DEBUG_DHCSR) & DEBUG_DHCSR_C_DEBUGEN) != 0u) {
        __asm__ volatile("bkpt #0");
    }
    core_system_reset();
}

void faults_reset(void) {
    core_system_reset();
}

void faults_unexpected(void) {
    record_and_reset(0u);
}

void HardFault_Handler(void) {
    record_and_reset(3u);
}

void MemManage_Handler(void) {
    record_and_reset(4u);
}

void BusFault_Handler(void) {
    record_and_reset(5u);
}

void UsageFault_Handler(void) {
    record_and_reset(6u);
}

#define WEAK_UNEXPECTED __attribute__((weak, alias("faults_unexpected")))
void NMI_Handler(void) WEAK_UNEXPECTED;
void SVC_Handler(void) WEAK_UNEXPECTED;
void DebugMon_Handler(void) WEAK_UNEXPECTED;
void PendSV_Handler(void) WEAK_UNEXPECTED;
void SysTick_Handler(void) WEAK_UNEXPECTED;
