#include "drivers/iwdg.h"
#include "reg.h"
#include "stm32f401/dbgmcu.h"
#include "stm32f401/iwdg.h"

static void wait_updates_done(void) {
    /* PVU/RVU clear within 5 LSI cycles of a write (§17.4.4); a new write before that is lost. */
    while ((reg_read(IWDG_SR) & (IWDG_SR_PVU | IWDG_SR_RVU)) != 0u) {
    }
}

void iwdg_start(uint32_t timeout_ms) {
    uint32_t ms = timeout_ms < 1u ? 1u : timeout_ms > IWDG_TIMEOUT_MAX_MS ? IWDG_TIMEOUT_MAX_MS : timeout_ms;
    uint32_t pr = 0u;
    uint32_t ticks = (ms * (IWDG_LSI_HZ / 1000u)) / 4u;
    while (ticks > IWDG_RLR_MAX + 1u && pr < IWDG_PR_MAX) {
        pr++;
        ticks = (ms * (IWDG_LSI_HZ / 1000u)) / (4u << pr);
    }
    if (ticks > IWDG_RLR_MAX + 1u) {
        ticks = IWDG_RLR_MAX + 1u;
    }
    if (ticks < 1u) {
        ticks = 1u;
    }
    /* A breakpoint must not reset the board under the developer (RM0368 §23.16.4). */
    reg_set(DBGMCU_APB1_FZ, DBGMCU_APB1_FZ_DBG_IWDG_STOP);
    reg_write(IWDG_KR, IWDG_KEY_ENABLE);
    reg_write(IWDG_KR, IWDG_KEY_ACCESS);
    wait_updates_done();
    reg_write(IWDG_PR, pr);
    reg_write(IWDG_RLR, ticks - 1u);
    wait_updates_done();
    reg_write(IWDG_KR, IWDG_KEY_RELOAD);
}

void iwdg_kick(void) {
    reg_write(IWDG_KR, IWDG_KEY_RELOAD);
}
