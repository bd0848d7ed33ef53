/*
 * Embedded flash memory interface, RM0368 §3: organisation §3.3 (table 5), read latency §3.4
 * (table 6), program/erase §3.5, registers §3.8 (register map table 7).
 */
#ifndef SKVM_STM32F401_FLASH_H
#define SKVM_STM32F401_FLASH_H

/* The main memory: sectors 0-3 of 16 KB, sector 4 of 64 KB, sector 5 of 128 KB (F401CC, 256 KB). */
#define FLASH_MEMORY_BASE       0x08000000u
#define FLASH_MEMORY_BYTES      (256u * 1024u)
#define FLASH_SECTOR_COUNT      6u

#define FLASH_IF_BASE           0x40023C00u

/* FLASH_ACR: access control register (§3.8.1) */
#define FLASH_ACR               (FLASH_IF_BASE + 0x00u)
#define FLASH_ACR_LATENCY_MASK  (0xFu << 0) /* [3:0] wait states */
#define FLASH_ACR_PRFTEN        (1u << 8)
#define FLASH_ACR_ICEN          (1u << 9)
#define FLASH_ACR_DCEN          (1u << 10)

/* FLASH_KEYR: key register (§3.8.2); the unlock sequence of §3.5.1 */
#define FLASH_KEYR              (FLASH_IF_BASE + 0x04u)
#define FLASH_KEY1              0x45670123u
#define FLASH_KEY2              0xCDEF89ABu
#define FLASH_OPTKEYR           (FLASH_IF_BASE + 0x08u)

/* FLASH_SR: status register (§3.8.4); error flags are cleared by writing 1 */
#define FLASH_SR                (FLASH_IF_BASE + 0x0Cu)
#define FLASH_SR_EOP            (1u << 0)
#define FLASH_SR_OPERR          (1u << 1)
#define FLASH_SR_WRPERR         (1u << 4)
#define FLASH_SR_PGAERR         (1u << 5)
#define FLASH_SR_PGPERR         (1u << 6)
#define FLASH_SR_PGSERR         (1u << 7)
#define FLASH_SR_RDERR          (1u << 8)
#define FLASH_SR_BSY            (1u << 16)
#define FLASH_SR_ERRORS         (FLASH_SR_OPERR | FLASH_SR_WRPERR | FLASH_SR_PGAERR | FLASH_SR_PGPERR \
                                 | FLASH_SR_PGSERR | FLASH_SR_RDERR)

/* FLASH_CR: control register (§3.8.5) */
#define FLASH_CR                (FLASH_IF_BASE + 0x10u)
#define FLASH_CR_PG             (1u << 0)
#define FLASH_CR_SER            (1u << 1)
#define FLASH_CR_SNB_SHIFT      3u          /* [6:3] sector number */
#define FLASH_CR_SNB_MASK       (0xFu << 3)
#define FLASH_CR_PSIZE_MASK     (3u << 8)   /* [9:8] program size (§3.5.4 table 8 for the supply range) */
#define FLASH_CR_PSIZE_X8       (0u << 8)
#define FLASH_CR_PSIZE_X16      (1u << 8)
#define FLASH_CR_PSIZE_X32      (2u << 8)   /* 2.7-3.6 V */
#define FLASH_CR_STRT           (1u << 16)
#define FLASH_CR_LOCK           (1u << 31)
#define FLASH_OPTCR             (FLASH_IF_BASE + 0x14u)

#endif
