#include "drivers/clock.h"
#include "reg.h"
#include "stm32f401/cortex_m4.h"
#include "stm32f401/flash.h"
#include "stm32f401/rcc.h"

_Static_assert(CLOCK_VCO_IN_HZ >= 1000000u && CLOCK_VCO_IN_HZ <= 2000000u, "VCO input outside 1-2 MHz");
_Static_assert(CLOCK_VCO_OUT_HZ >= 192000000u && CLOCK_VCO_OUT_HZ <= 432000000u, "VCO output outside 192-432 MHz");
_Static_assert(CLOCK_PLLM >= 2u && CLOCK_PLLM <= 63u, "PLLM outside 2..63");
_Static_assert(CLOCK_PLLN >= 192u && CLOCK_PLLN <= 432u, "PLLN outside 192..432");
_Static_assert(CLOCK_PLLP == 2u || CLOCK_PLLP == 4u || CLOCK_PLLP == 6u || CLOCK_PLLP == 8u, "PLLP not 2, 4, 6, 8");
_Static_assert(CLOCK_PLLQ >= 2u && CLOCK_PLLQ <= 15u, "PLLQ outside 2..15");
_Static_assert(CLOCK_SYSCLK_HZ <= 84000000u, "SYSCLK over the F401's 84 MHz");
_Static_assert(CLOCK_PLL48_HZ == 48000000u, "USB OTG FS needs 48 MHz");
_Static_assert(CLOCK_PCLK1_HZ <= 42000000u, "APB1 over 42 MHz");
_Static_assert(CLOCK_PCLK2_HZ <= 84000000u, "APB2 over 84 MHz");
_Static_assert(CLOCK_HCLK_HZ <= (CLOCK_FLASH_WAIT_STATES + 1u) * 30000000u, "too few flash wait states");

static volatile uint32_t millis;

static int wait_for(uint32_t address, uint32_t mask, uint32_t value) {
    return reg_wait(address, mask, value, CLOCK_READY_POLLS_MAX);
}

int clock_init(void) {
    reg_set(RCC_CR, RCC_CR_HSEON);
    if (!wait_for(RCC_CR, RCC_CR_HSERDY, RCC_CR_HSERDY)) {
        return CLOCK_ERR_HSE;
    }
    /* Wait states before the faster clock (§3.4.1), and read back: the new latency is in force
     * only once FLASH_ACR reads it. */
    reg_modify(FLASH_ACR, FLASH_ACR_LATENCY_MASK | FLASH_ACR_PRFTEN | FLASH_ACR_ICEN | FLASH_ACR_DCEN,
               CLOCK_FLASH_WAIT_STATES | FLASH_ACR_PRFTEN | FLASH_ACR_ICEN | FLASH_ACR_DCEN);
    (void)wait_for(FLASH_ACR, FLASH_ACR_LATENCY_MASK, CLOCK_FLASH_WAIT_STATES);
    /* Bus dividers before the switch, so APB1 never sees more than 42 MHz. */
    reg_modify(RCC_CFGR, RCC_CFGR_HPRE_MASK | RCC_CFGR_PPRE1_MASK | RCC_CFGR_PPRE2_MASK,
               RCC_CFGR_HPRE_DIV1 | RCC_CFGR_PPRE1_DIV2 | RCC_CFGR_PPRE2_DIV1);
    /* PLLCFGR may only change while the PLL is off, which it is after reset. */
    reg_modify(RCC_PLLCFGR,
               RCC_PLLCFGR_PLLM_MASK | RCC_PLLCFGR_PLLN_MASK | RCC_PLLCFGR_PLLP_MASK | RCC_PLLCFGR_PLLSRC_HSE
                       | RCC_PLLCFGR_PLLQ_MASK,
               (CLOCK_PLLM << RCC_PLLCFGR_PLLM_SHIFT) | (CLOCK_PLLN << RCC_PLLCFGR_PLLN_SHIFT)
                       | ((CLOCK_PLLP / 2u - 1u) << RCC_PLLCFGR_PLLP_SHIFT) | RCC_PLLCFGR_PLLSRC_HSE
                       | (CLOCK_PLLQ << RCC_PLLCFGR_PLLQ_SHIFT));
    reg_set(RCC_CR, RCC_CR_PLLON);
    if (!wait_for(RCC_CR, RCC_CR_PLLRDY, RCC_CR_PLLRDY)) {
        return CLOCK_ERR_PLL;
    }
    reg_modify(RCC_CFGR, RCC_CFGR_SW_MASK, RCC_CFGR_SW_PLL);
    if (!wait_for(RCC_CFGR, RCC_CFGR_SWS_MASK, RCC_CFGR_SWS_PLL)) {
        return CLOCK_ERR_SWITCH;
    }
    return CLOCK_OK;
}

void clock_systick_start(void) {
    reg_write(SYST_RVR, CLOCK_HCLK_HZ / 1000u - 1u);
    reg_write(SYST_CVR, 0u);
    reg_write(SYST_CSR, SYST_CSR_CLKSOURCE | SYST_CSR_TICKINT | SYST_CSR_ENABLE);
}

void clock_systick_tick(void) {
    millis++;
}

uint32_t clock_millis(void) {
    return millis;
}
