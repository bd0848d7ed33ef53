/*
 * The few STM32F401 peripheral registers the SKVMOIP natives touch, from the STM32F401
 * reference manual (RM0368): memory map §2.3, RCC §6.3, GPIO §8.4, SYSCFG §7.2, EXTI §10.3,
 * SPI §20.5; NVIC from the Cortex-M4 programming manual (PM0214) §4.3.
 * The vendor's CMSIS headers can replace this file; it exists so the natives build without them.
 */
#ifndef SKVM_STM32F401_REGS_H
#define SKVM_STM32F401_REGS_H

#include <stdint.h>

#define REG32(address) (*(volatile uint32_t *)(uintptr_t)(address))

/* RCC (§6.3) */
#define RCC_BASE            0x40023800u
#define RCC_AHB1ENR         REG32(RCC_BASE + 0x30u)
#define RCC_AHB1ENR_GPIOAEN (1u << 0)
#define RCC_AHB1ENR_GPIOBEN (1u << 1)
#define RCC_APB2ENR         REG32(RCC_BASE + 0x44u)
#define RCC_APB2ENR_SPI1EN  (1u << 12)
#define RCC_APB2ENR_SYSCFGEN (1u << 14)

/* GPIO (§8.4): port A at 0x40020000, each next port 0x400 further */
#define GPIO_BASE(port)     (0x40020000u + 0x400u * (uint32_t)(port))
#define GPIO_MODER(port)    REG32(GPIO_BASE(port) + 0x00u)
#define GPIO_OSPEEDR(port)  REG32(GPIO_BASE(port) + 0x08u)
#define GPIO_PUPDR(port)    REG32(GPIO_BASE(port) + 0x0Cu)
#define GPIO_IDR(port)      REG32(GPIO_BASE(port) + 0x10u)
#define GPIO_BSRR(port)     REG32(GPIO_BASE(port) + 0x18u)
#define GPIO_AFRL(port)     REG32(GPIO_BASE(port) + 0x20u)
#define GPIO_MODE_INPUT     0u
#define GPIO_MODE_OUTPUT    1u
#define GPIO_MODE_AF        2u
#define GPIO_PULL_UP        1u
#define GPIO_SPEED_HIGH     2u
#define GPIO_AF5_SPI1       5u

/* SYSCFG (§7.2): EXTICR1 selects the port of EXTI0..3, four bits each */
#define SYSCFG_BASE         0x40013800u
#define SYSCFG_EXTICR(n)    REG32(SYSCFG_BASE + 0x08u + 4u * (uint32_t)(n))

/* EXTI (§10.3) */
#define EXTI_BASE           0x40013C00u
#define EXTI_IMR            REG32(EXTI_BASE + 0x00u)
#define EXTI_RTSR           REG32(EXTI_BASE + 0x08u)
#define EXTI_FTSR           REG32(EXTI_BASE + 0x0Cu)
#define EXTI_PR             REG32(EXTI_BASE + 0x14u)

/* SPI1 (§20.5) on APB2 (84 MHz max) */
#define SPI1_BASE           0x40013000u
#define SPI1_CR1            REG32(SPI1_BASE + 0x00u)
#define SPI1_SR             REG32(SPI1_BASE + 0x08u)
#define SPI1_DR             REG32(SPI1_BASE + 0x0Cu)
#define SPI_CR1_MSTR        (1u << 2)
#define SPI_CR1_BR_SHIFT    3
#define SPI_CR1_SPE         (1u << 6)
#define SPI_CR1_SSI         (1u << 8)
#define SPI_CR1_SSM         (1u << 9)
#define SPI_SR_RXNE         (1u << 0)
#define SPI_SR_TXE          (1u << 1)
#define SPI_SR_BSY          (1u << 7)

/* NVIC (PM0214 §4.3); EXTI0..4 are IRQs 6..10 (RM0368 Table 38) */
#define NVIC_ISER0          REG32(0xE000E100u)
#define NVIC_ISER1          REG32(0xE000E104u)
#define IRQ_EXTI0           6u
#define IRQ_EXTI15_10       40u

/* Embedded flash interface (§3.8): key sequence §3.5.1, sector erase §3.5.3, programming §3.5.4 */
#define FLASH_IF_BASE       0x40023C00u
#define FLASH_KEYR          REG32(FLASH_IF_BASE + 0x04u)
#define FLASH_SR            REG32(FLASH_IF_BASE + 0x0Cu)
#define FLASH_CR            REG32(FLASH_IF_BASE + 0x10u)
#define FLASH_KEY1          0x45670123u
#define FLASH_KEY2          0xCDEF89ABu
#define FLASH_SR_EOP        (1u << 0)
#define FLASH_SR_OPERR      (1u << 1)
#define FLASH_SR_WRPERR     (1u << 4)
#define FLASH_SR_PGAERR     (1u << 5)
#define FLASH_SR_PGPERR     (1u << 6)
#define FLASH_SR_PGSERR     (1u << 7)
#define FLASH_SR_RDERR      (1u << 8)
#define FLASH_SR_BSY        (1u << 16)
#define FLASH_SR_ERRORS     (FLASH_SR_OPERR | FLASH_SR_WRPERR | FLASH_SR_PGAERR | FLASH_SR_PGPERR \
                             | FLASH_SR_PGSERR | FLASH_SR_RDERR)
#define FLASH_CR_PG         (1u << 0)
#define FLASH_CR_SER        (1u << 1)
#define FLASH_CR_SNB_SHIFT  3
#define FLASH_CR_SNB_MASK   (15u << FLASH_CR_SNB_SHIFT)
#define FLASH_CR_PSIZE_MASK (3u << 8)   /* 00: x8, the one size valid at every supply voltage */
#define FLASH_CR_STRT       (1u << 16)
#define FLASH_CR_LOCK       (1u << 31)
#define FLASH_SECTOR_COUNT  6u           /* F401CC: 16, 16, 16, 16, 64, 128 KB */

/* IWDG (§17.4), clocked by the LSI (~32 kHz) */
#define IWDG_BASE           0x40003000u
#define IWDG_KR             REG32(IWDG_BASE + 0x00u)
#define IWDG_PR             REG32(IWDG_BASE + 0x04u)
#define IWDG_RLR            REG32(IWDG_BASE + 0x08u)
#define IWDG_SR             REG32(IWDG_BASE + 0x0Cu)
#define IWDG_KEY_ENABLE     0xCCCCu
#define IWDG_KEY_RELOAD     0xAAAAu
#define IWDG_KEY_ACCESS     0x5555u
#define IWDG_SR_PVU         (1u << 0)
#define IWDG_SR_RVU         (1u << 1)
#define IWDG_RLR_MAX        0xFFFu
#define IWDG_PR_MAX         6u           /* divider 4 << PR: 4 .. 256 */
#define LSI_HZ              32000u

/* Unique device id (§24.1): 96 bits at 0x1FFF7A10 */
#define UID_BASE            0x1FFF7A10u
#define UID_BYTES           12u

/* ADC1 (§11.12) and the ADC common registers (§11.13): the internal temperature sensor on
 * channel 18 is sampled as a noise source for the random generator's seed. */
#define RCC_APB2ENR_ADC1EN  (1u << 8)
#define ADC1_BASE           0x40012000u
#define ADC1_SR             REG32(ADC1_BASE + 0x00u)
#define ADC1_CR2            REG32(ADC1_BASE + 0x08u)
#define ADC1_SMPR1          REG32(ADC1_BASE + 0x0Cu)
#define ADC1_SQR1           REG32(ADC1_BASE + 0x2Cu)
#define ADC1_SQR3           REG32(ADC1_BASE + 0x34u)
#define ADC1_DR             REG32(ADC1_BASE + 0x4Cu)
#define ADC_SR_EOC          (1u << 1)
#define ADC_CR2_ADON        (1u << 0)
#define ADC_CR2_SWSTART     (1u << 30)
#define ADC_CCR             REG32(0x40012300u + 0x04u)
#define ADC_CCR_TSVREFE     (1u << 23)
#define ADC_CHANNEL_TEMPERATURE 18u

#endif
