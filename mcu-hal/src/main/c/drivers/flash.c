#include "drivers/flash.h"
#include "reg.h"
#include "stm32f401/flash.h"

void flash_read(uint32_t address, uint8_t *dst, uint32_t len) {
    uint32_t word_address = address & ~3u;
    uint32_t skip = address & 3u;
    for (uint32_t i = 0; i < len; word_address += 4u) {
        uint32_t word = reg_read(word_address);
        for (uint32_t b = skip; b < 4u && i < len; b++) {
            dst[i++] = (uint8_t)(word >> (8u * b)); /* little-endian */
        }
        skip = 0u;
    }
}

static void unlock(void) {
    if ((reg_read(FLASH_CR) & FLASH_CR_LOCK) != 0u) {
        reg_write(FLASH_KEYR, FLASH_KEY1);
        reg_write(FLASH_KEYR, FLASH_KEY2);
    }
}

/* Waits out BSY (the core stalls on flash fetches meanwhile anyway); clears and checks the
 * error flags. */
static int wait_ok(void) {
    while ((reg_read(FLASH_SR) & FLASH_SR_BSY) != 0u) {
    }
    uint32_t errors = reg_read(FLASH_SR) & FLASH_SR_ERRORS;
    reg_write(FLASH_SR, errors | FLASH_SR_EOP);
    return errors == 0u;
}

int flash_erase_sector(uint32_t sector) {
    if (sector >= FLASH_SECTOR_COUNT) {
        return 0;
    }
    unlock();
    wait_ok();
    /* §3.5.3: SER and SNB, then STRT. PSIZE also sets the erase parallelism (x32 at 3.3 V). */
    reg_modify(FLASH_CR, FLASH_CR_SNB_MASK | FLASH_CR_PSIZE_MASK | FLASH_CR_PG | FLASH_CR_SER,
               FLASH_CR_SER | (sector << FLASH_CR_SNB_SHIFT) | FLASH_CR_PSIZE_X32);
    reg_set(FLASH_CR, FLASH_CR_STRT);
    int ok = wait_ok();
    reg_clear(FLASH_CR, FLASH_CR_SER | FLASH_CR_SNB_MASK);
    reg_set(FLASH_CR, FLASH_CR_LOCK);
    return ok;
}

int flash_program(uint32_t address, const uint8_t *src, uint32_t len) {
    if ((address & 3u) != 0u || address < FLASH_MEMORY_BASE || address - FLASH_MEMORY_BASE > FLASH_MEMORY_BYTES
            || len > FLASH_MEMORY_BYTES - (address - FLASH_MEMORY_BASE)) {
        return 0;
    }
    int ok = 1;
    unlock();
    wait_ok();
    /* §3.5.4: x32 parallelism, valid at the module's 3.3 V supply (table 8: 2.7-3.6 V). */
    reg_modify(FLASH_CR, FLASH_CR_PSIZE_MASK | FLASH_CR_SER | FLASH_CR_PG, FLASH_CR_PSIZE_X32 | FLASH_CR_PG);
    for (uint32_t i = 0; i < len && ok; i += 4u) {
        uint32_t word = 0u;
        for (uint32_t b = 0; b < 4u; b++) {
            uint32_t byte = i + b < len ? src[i + b] : 0xFFu;
            word |= byte << (8u * b);
        }
        reg_write(address + i, word);
        ok = wait_ok() && reg_read(address + i) == word;
    }
    reg_clear(FLASH_CR, FLASH_CR_PG);
    reg_set(FLASH_CR, FLASH_CR_LOCK);
    return ok;
}
