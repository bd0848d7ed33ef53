/*
 * The Cortex-M4 core peripherals the BSP touches, from the STM32F4 programming manual PM0214:
 * NVIC §4.3 (register map table 47), SCB §4.4 (table 51), SysTick §4.5 (table 54), and the
 * FPU's coprocessor access control §4.6.1; the debug halting status register (DHCSR) is from
 * the ARMv7-M architecture reference manual, C1.6.2.
 */
#ifndef SKVM_STM32F401_CORTEX_M4_H
#define SKVM_STM32F401_CORTEX_M4_H

/* Exceptions before the first IRQ in the vector table (PM0214 §2.3.4, table 17). */
#define CORTEX_M4_CORE_VECTORS  16u

/* NVIC: one bit per IRQ, 32 per register (§4.3.2-4.3.6) */
#define NVIC_ISER0              0xE000E100u /* set-enable */
#define NVIC_ICER0              0xE000E180u /* clear-enable */
#define NVIC_ISPR0              0xE000E200u /* set-pending */
#define NVIC_ICPR0              0xE000E280u /* clear-pending */
#define NVIC_IABR0              0xE000E300u /* active bit */
#define NVIC_IPR0               0xE000E400u /* priority, one byte per IRQ (§4.3.7) */
#define NVIC_IRQS_PER_REGISTER  32u

/* SysTick (§4.5) */
#define SYST_CSR                0xE000E010u /* control and status */
#define SYST_CSR_ENABLE         (1u << 0)
#define SYST_CSR_TICKINT        (1u << 1)
#define SYST_CSR_CLKSOURCE      (1u << 2)   /* 1: the processor clock (HCLK), 0: HCLK / 8 */
#define SYST_CSR_COUNTFLAG      (1u << 16)
#define SYST_RVR                0xE000E014u /* reload value, 24 bits */
#define SYST_RVR_MAX            0x00FFFFFFu
#define SYST_CVR                0xE000E018u /* current value */

/* System control block (§4.4) */
#define SCB_ICSR                0xE000ED04u
#define SCB_VTOR                0xE000ED08u /* vector table offset; TBLOFF [29:9] */
#define SCB_VTOR_ALIGNMENT      512u        /* 101 entries round up to 128 words */
#define SCB_AIRCR               0xE000ED0Cu
#define SCB_AIRCR_VECTKEY       (0x05FAu << 16) /* a write without it is ignored */
#define SCB_AIRCR_SYSRESETREQ   (1u << 2)
#define SCB_CCR                 0xE000ED14u
#define SCB_CCR_DIV_0_TRP       (1u << 4)
#define SCB_SHCSR               0xE000ED24u
#define SCB_SHCSR_MEMFAULTENA   (1u << 16)
#define SCB_SHCSR_BUSFAULTENA   (1u << 17)
#define SCB_SHCSR_USGFAULTENA   (1u << 18)
#define SCB_CFSR                0xE000ED28u /* MMFSR [7:0], BFSR [15:8], UFSR [31:16] */
#define SCB_HFSR                0xE000ED2Cu
#define SCB_MMFAR               0xE000ED34u
#define SCB_BFAR                0xE000ED38u

/* FPU: CPACR grants access to CP10 and CP11, the FPU (§4.6.1) */
#define SCB_CPACR               0xE000ED88u
#define SCB_CPACR_CP10_FULL     (3u << 20)
#define SCB_CPACR_CP11_FULL     (3u << 22)

/* Debug: a debugger is connected when C_DEBUGEN is set */
#define DEBUG_DHCSR             0xE000EDF0u
#define DEBUG_DHCSR_C_DEBUGEN   (1u << 0)

#endif
