/* SPI1 as a full-duplex master (RM0368 §20.3.3 configuring the SPI in master mode). */
#ifndef SKVM_DRIVERS_SPI_H
#define SKVM_DRIVERS_SPI_H

#include <stdint.h>

/* Mode 0, MSB first, 8-bit frames, software slave management at fPCLK2 / 2^(baud_bits + 1);
 * SPI1's clock and pins must be on. Chip select is a GPIO that the caller drives. */
void spi1_init(uint32_t baud_bits);
/* Clocks len bytes out of tx and the same number into rx (rx may be NULL). */
void spi1_transfer(const uint8_t *tx, uint8_t *rx, uint32_t len);

#endif
