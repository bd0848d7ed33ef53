/*
 * The clock tree, in one place (RM0368 §6.2, figure 12): the Black Pill's 25 MHz crystal (HSE)
 * through the main PLL to an 84 MHz SYSCLK and the 48 MHz the USB OTG FS core needs.
 *
 *   VCO input  = HSE / PLLM  =  25 MHz / 25  =   1 MHz   (§6.3.2: 1-2 MHz)
 *   VCO output = input * PLLN =  1 MHz * 336 = 336 MHz   (§6.3.2: 192-432 MHz)
 *   SYSCLK     = VCO / PLLP  = 336 MHz / 4   =  84 MHz   (the F401's maximum)
 *   48 MHz     = VCO / PLLQ  = 336 MHz / 7   =  48 MHz   (USB needs exactly 48)
 *   HCLK = SYSCLK / 1 = 84 MHz; PCLK1 = HCLK / 2 = 42 MHz (APB1 max 42); PCLK2 = HCLK / 1 = 84 MHz
 *   Flash: 2 wait states for 60 < HCLK <= 84 MHz at 2.7-3.6 V (§3.4, table 6), with prefetch
 *   and both caches on.
 *
 * The regulator's reset voltage scale (PWR_CR VOS = scale 2) already allows 84 MHz (§5.4.1).
 */
#ifndef SKVM_DRIVERS_CLOCK_H
#define SKVM_DRIVERS_CLOCK_H

#include <stdint.h>

#define CLOCK_HSE_HZ            25000000u
#define CLOCK_PLLM              25u
#define CLOCK_PLLN              336u
#define CLOCK_PLLP              4u
#define CLOCK_PLLQ              7u
#define CLOCK_VCO_IN_HZ         (CLOCK_HSE_HZ / CLOCK_PLLM)
#define CLOCK_VCO_OUT_HZ        (CLOCK_VCO_IN_HZ * CLOCK_PLLN)
#define CLOCK_SYSCLK_HZ         (CLOCK_VCO_OUT_HZ / CLOCK_PLLP)
#define CLOCK_PLL48_HZ          (CLOCK_VCO_OUT_HZ / CLOCK_PLLQ)
#define CLOCK_HCLK_HZ           CLOCK_SYSCLK_HZ
#define CLOCK_PCLK1_HZ          (CLOCK_HCLK_HZ / 2u)
#define CLOCK_PCLK2_HZ          CLOCK_HCLK_HZ
#define CLOCK_FLASH_WAIT_STATES 2u

/* Polls of a ready flag before the clock tree gives up: HSE start-up is 2 ms typical (datasheet
 * tSU(HSE)), i.e. 32000 cycles of the 16 MHz HSI the core runs on until the switch. */
#define CLOCK_READY_POLLS_MAX   200000u

#define CLOCK_OK                0
#define CLOCK_ERR_HSE           (-1) /* the crystal did not start: the core stays on the HSI */
#define CLOCK_ERR_PLL           (-2) /* the PLL did not lock: the core stays on the HSI */
#define CLOCK_ERR_SWITCH        (-3) /* SWS never showed the PLL */

/* Runs the core from the PLL as above; returns CLOCK_OK or the step that failed. */
int clock_init(void);

/* A 1 ms SysTick interrupt from HCLK, for a BSP without its own time base (the bring-up image);
 * the image's SysTick_Handler calls clock_systick_tick. MicroEJ's BSP keeps its own timer. */
void clock_systick_start(void);
void clock_systick_tick(void);
uint32_t clock_millis(void);

#endif
