/* Independent watchdog (IWDG), RM0368 §17.4: register map §17.4.5 (table 72). */
#ifndef SKVM_STM32F401_IWDG_H
#define SKVM_STM32F401_IWDG_H

#define IWDG_BASE               0x40003000u

#define IWDG_KR                 (IWDG_BASE + 0x00u) /* key register (§17.4.1) */
#define IWDG_KEY_RELOAD         0xAAAAu
#define IWDG_KEY_ACCESS         0x5555u     /* unlocks PR and RLR */
#define IWDG_KEY_ENABLE         0xCCCCu     /* starts it; the LSI turns on by itself */
#define IWDG_PR                 (IWDG_BASE + 0x04u) /* [2:0] divider 4 << PR (§17.4.2) */
#define IWDG_PR_MAX             6u          /* /256 */
#define IWDG_RLR                (IWDG_BASE + 0x08u) /* [11:0] reload (§17.4.3) */
#define IWDG_RLR_MAX            0xFFFu
#define IWDG_SR                 (IWDG_BASE + 0x0Cu) /* (§17.4.4) */
#define IWDG_SR_PVU             (1u << 0)
#define IWDG_SR_RVU             (1u << 1)
#define IWDG_LSI_HZ             32000u      /* nominal; the datasheet gives 17-47 kHz */

#endif
