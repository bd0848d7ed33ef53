/* The embedded flash as storage (RM0368 §3.5): reads, sector erase, word programming. */
#ifndef SKVM_DRIVERS_FLASH_H
#define SKVM_DRIVERS_FLASH_H

#include <stdint.h>

/* Copies len bytes of the flash array at address (any alignment) into dst, by 32-bit reads. */
void flash_read(uint32_t address, uint8_t *dst, uint32_t len);
/* Erases sector 0..5; returns 1 when FLASH_SR reported no error. */
int flash_erase_sector(uint32_t sector);
/* Programs len bytes at a word-aligned, erased address, 32 bits at a time; a last partial word
 * is completed with 0xFF (the erased value, so it can still be programmed later). Returns 1
 * when every word programmed without an error and reads back as written; 0 for an address that
 * is not word-aligned or outside the array. */
int flash_program(uint32_t address, const uint8_t *src, uint32_t len);

#endif
