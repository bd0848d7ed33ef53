#include <stddef.h>
#include "drivers/spi.h"
#include "reg.h"
#include "stm32f401/spi.h"

void spi1_init(uint32_t baud_bits) {
    /* SSM + SSI: NSS is internal and high, so the master never sees a mode fault from PA4,
     * which is the W5500's chip select as a plain output. */
    reg_write(SPI1_BASE + SPI_CR1, SPI_CR1_MSTR | ((baud_bits << SPI_CR1_BR_SHIFT) & SPI_CR1_BR_MASK)
              | SPI_CR1_SSM | SPI_CR1_SSI);
    reg_set(SPI1_BASE + SPI_CR1, SPI_CR1_SPE);
}

void spi1_transfer(const uint8_t *tx, uint8_t *rx, uint32_t len) {
    for (uint32_t i = 0; i < len; i++) {
        while ((reg_read(SPI1_BASE + SPI_SR) & SPI_SR_TXE) == 0u) {
        }
        reg_write(SPI1_BASE + SPI_DR, tx[i]);
        while ((reg_read(SPI1_BASE + SPI_SR) & SPI_SR_RXNE) == 0u) {
        }
        uint8_t in = (uint8_t)reg_read(SPI1_BASE + SPI_DR);
        if (rx != NULL) {
            rx[i] = in;
        }
    }
    /* The last bit leaves the shift register after RXNE; chip select must wait for it. */
    while ((reg_read(SPI1_BASE + SPI_SR) & SPI_SR_BSY) != 0u) {
    }
}
