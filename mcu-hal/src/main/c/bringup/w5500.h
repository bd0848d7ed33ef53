/* The two W5500 common registers the bring-up image reads (W5500 datasheet v1.1 §3.1, §2.2). */
#ifndef SKVM_BRINGUP_W5500_H
#define SKVM_BRINGUP_W5500_H

#include <stdint.h>

#define W5500_PHYCFGR           0x002Eu /* PHY configuration; bit 0 LNK: 1 = link up */
#define W5500_PHYCFGR_LNK       0x01u
#define W5500_VERSIONR          0x0039u /* chip version: always 0x04 */
#define W5500_VERSION           0x04u

/* Reads one common register: a 3-byte header (address, control byte: block 0 = common
 * registers, read, variable length) and one data byte, in one chip-select frame (§2.2). */
uint8_t w5500_read_common(uint16_t address);

#endif
