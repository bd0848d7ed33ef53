/*
 * Reset and clock control (RCC), RM0368 §6.3: the registers the clock tree and the drivers'
 * clock enables use, in the order of the register map (§6.3.22, table 29).
 */
#ifndef SKVM_STM32F401_RCC_H
#define SKVM_STM32F401_RCC_H

#define RCC_BASE                0x40023800u

/* RCC_CR: clock control register (§6.3.1) */
#define RCC_CR                  (RCC_BASE + 0x00u)
#define RCC_CR_HSION            (1u << 0)
#define RCC_CR_HSIRDY           (1u << 1)
#define RCC_CR_HSEON            (1u << 16)
#define RCC_CR_HSERDY           (1u << 17)
#define RCC_CR_HSEBYP           (1u << 18)
#define RCC_CR_CSSON            (1u << 19)
#define RCC_CR_PLLON            (1u << 24)
#define RCC_CR_PLLRDY           (1u << 25)

/* RCC_PLLCFGR: PLL configuration register (§6.3.2) */
#define RCC_PLLCFGR             (RCC_BASE + 0x04u)
#define RCC_PLLCFGR_PLLM_SHIFT  0u          /* [5:0]   VCO input = PLL input / PLLM, 2..63 */
#define RCC_PLLCFGR_PLLM_MASK   (0x3Fu << 0)
#define RCC_PLLCFGR_PLLN_SHIFT  6u          /* [14:6]  VCO output = VCO input * PLLN, 192..432 */
#define RCC_PLLCFGR_PLLN_MASK   (0x1FFu << 6)
#define RCC_PLLCFGR_PLLP_SHIFT  16u         /* [17:16] SYSCLK = VCO / PLLP: 00 /2, 01 /4, 10 /6, 11 /8 */
#define RCC_PLLCFGR_PLLP_MASK   (3u << 16)
#define RCC_PLLCFGR_PLLSRC_HSE  (1u << 22)  /* PLL and PLLI2S input: 0 HSI, 1 HSE */
#define RCC_PLLCFGR_PLLQ_SHIFT  24u         /* [27:24] USB OTG FS clock = VCO / PLLQ, 2..15 */
#define RCC_PLLCFGR_PLLQ_MASK   (0xFu << 24)

/* RCC_CFGR: clock configuration register (§6.3.3) */
#define RCC_CFGR                (RCC_BASE + 0x08u)
#define RCC_CFGR_SW_MASK        (3u << 0)   /* [1:0] system clock switch */
#define RCC_CFGR_SW_HSI         (0u << 0)
#define RCC_CFGR_SW_HSE         (1u << 0)
#define RCC_CFGR_SW_PLL         (2u << 0)
#define RCC_CFGR_SWS_MASK       (3u << 2)   /* [3:2] system clock switch status, as SW */
#define RCC_CFGR_SWS_PLL        (2u << 2)
#define RCC_CFGR_HPRE_MASK      (0xFu << 4) /* [7:4] AHB prescaler: 0xxx = /1 */
#define RCC_CFGR_HPRE_DIV1      (0u << 4)
#define RCC_CFGR_PPRE1_MASK     (7u << 10)  /* [12:10] APB1 prescaler: 0xx /1, 100 /2, 101 /4 */
#define RCC_CFGR_PPRE1_DIV2     (4u << 10)
#define RCC_CFGR_PPRE2_MASK     (7u << 13)  /* [15:13] APB2 prescaler, coded as PPRE1 */
#define RCC_CFGR_PPRE2_DIV1     (0u << 13)

/* RCC_AHB1ENR: AHB1 peripheral clock enable register (§6.3.9) */
#define RCC_AHB1ENR             (RCC_BASE + 0x30u)
#define RCC_AHB1ENR_GPIOAEN     (1u << 0)
#define RCC_AHB1ENR_GPIOBEN     (1u << 1)
#define RCC_AHB1ENR_GPIOCEN     (1u << 2)

/* RCC_AHB2ENR: AHB2 peripheral clock enable register (§6.3.10) */
#define RCC_AHB2ENR             (RCC_BASE + 0x34u)
#define RCC_AHB2ENR_OTGFSEN     (1u << 7)

/* RCC_APB1ENR: APB1 peripheral clock enable register (§6.3.11) */
#define RCC_APB1ENR             (RCC_BASE + 0x40u)
#define RCC_APB1ENR_PWREN       (1u << 28)

/* RCC_APB2ENR: APB2 peripheral clock enable register (§6.3.12) */
#define RCC_APB2ENR             (RCC_BASE + 0x44u)
#define RCC_APB2ENR_ADC1EN      (1u << 8)
#define RCC_APB2ENR_SPI1EN      (1u << 12)
#define RCC_APB2ENR_SYSCFGEN    (1u << 14)

/* RCC_CSR: clock control and status register (§6.3.21); the reset flags tell a watchdog reset */
#define RCC_CSR                 (RCC_BASE + 0x74u)
#define RCC_CSR_RMVF            (1u << 24)
#define RCC_CSR_IWDGRSTF        (1u << 29)

#endif
