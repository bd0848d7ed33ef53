/* Unique device ID register (96 bits), RM0368 §24.1: three words, read-only. */
#ifndef SKVM_STM32F401_UID_H
#define SKVM_STM32F401_UID_H

#define UID_BASE                0x1FFF7A10u
#define UID_WORDS               3u
#define UID_BYTES               12u

#endif
