/* Serial peripheral interface (SPI), RM0368 §20.5: register map §20.5.10 (table 90). */
#ifndef SKVM_STM32F401_SPI_H
#define SKVM_STM32F401_SPI_H

#define SPI1_BASE               0x40013000u /* on APB2 */

#define SPI_CR1                 0x00u       /* (§20.5.1) */
#define SPI_CR1_CPHA            (1u << 0)
#define SPI_CR1_CPOL            (1u << 1)
#define SPI_CR1_MSTR            (1u << 2)
#define SPI_CR1_BR_SHIFT        3u          /* [5:3] fPCLK / 2^(BR+1) */
#define SPI_CR1_BR_MASK         (7u << 3)
#define SPI_CR1_SPE             (1u << 6)
#define SPI_CR1_LSBFIRST        (1u << 7)
#define SPI_CR1_SSI             (1u << 8)
#define SPI_CR1_SSM             (1u << 9)
#define SPI_CR1_DFF             (1u << 11)
#define SPI_CR2                 0x04u       /* (§20.5.2) */
#define SPI_SR                  0x08u       /* (§20.5.3) */
#define SPI_SR_RXNE             (1u << 0)
#define SPI_SR_TXE              (1u << 1)
#define SPI_SR_MODF             (1u << 5)
#define SPI_SR_OVR              (1u << 6)
#define SPI_SR_BSY              (1u << 7)
#define SPI_DR                  0x0Cu       /* (§20.5.4) */

#endif
