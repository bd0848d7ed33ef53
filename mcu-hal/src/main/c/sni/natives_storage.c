/*
 * The settings flash, the unique id and the watchdog: Stm32Natives flashRead, flashEraseSector,
 * flashProgram, uidRead, iwdgStart, iwdgKick. Stm32ConfigStore checks slots and ranges before
 * these run.
 */
#include <stdint.h>
#include "sni.h"
#include "drivers/flash.h"
#include "drivers/iwdg.h"
#include "drivers/uid.h"

void Java_org_skvmoip_hal_stm32_Stm32Natives_flashRead(jint address, jbyte *dst, jint off, jint len) {
    if (len > 0) {
        flash_read((uint32_t)address, (uint8_t *)dst + off, (uint32_t)len);
    }
}

jboolean Java_org_skvmoip_hal_stm32_Stm32Natives_flashEraseSector(jint sector) {
    return (jboolean)(sector >= 0 && flash_erase_sector((uint32_t)sector));
}

jboolean Java_org_skvmoip_hal_stm32_Stm32Natives_flashProgram(jint address, jbyte *src, jint off, jint len) {
    return (jboolean)(len >= 0 && flash_program((uint32_t)address, (const uint8_t *)src + off, (uint32_t)len));
}

void Java_org_skvmoip_hal_stm32_Stm32Natives_uidRead(jbyte *dst, jint off) {
    uid_read((uint8_t *)dst + off);
}

void Java_org_skvmoip_hal_stm32_Stm32Natives_iwdgStart(jint timeoutMillis) {
    iwdg_start(timeoutMillis < 1 ? 1u : (uint32_t)timeoutMillis);
}

void Java_org_skvmoip_hal_stm32_Stm32Natives_iwdgKick(void) {
    iwdg_kick();
}
