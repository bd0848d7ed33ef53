/*
 * General-purpose I/Os (GPIO), RM0368 §8.4: one block per port, register map §8.4.11
 * (table 27). Ports A, B and C are the ones the Black Pill brings out.
 */
#ifndef SKVM_STM32F401_GPIO_H
#define SKVM_STM32F401_GPIO_H

#define GPIOA_BASE              0x40020000u
#define GPIOB_BASE              0x40020400u
#define GPIOC_BASE              0x40020800u
#define GPIO_PORT_STRIDE        0x400u      /* port n at GPIOA_BASE + n * 0x400 (§2.3, table 1) */

#define GPIO_MODER              0x00u       /* 2 bits per pin (§8.4.1) */
#define GPIO_MODE_INPUT         0u
#define GPIO_MODE_OUTPUT        1u
#define GPIO_MODE_AF            2u
#define GPIO_MODE_ANALOG        3u
#define GPIO_OTYPER             0x04u       /* 1 bit per pin: 0 push-pull, 1 open drain (§8.4.2) */
#define GPIO_OSPEEDR            0x08u       /* 2 bits per pin (§8.4.3) */
#define GPIO_SPEED_LOW          0u
#define GPIO_SPEED_MEDIUM       1u
#define GPIO_SPEED_FAST         2u
#define GPIO_SPEED_HIGH         3u
#define GPIO_PUPDR              0x0Cu       /* 2 bits per pin (§8.4.4) */
#define GPIO_PULL_NONE          0u
#define GPIO_PULL_UP            1u
#define GPIO_PULL_DOWN          2u
#define GPIO_IDR                0x10u       /* input data (§8.4.5) */
#define GPIO_ODR                0x14u       /* output data (§8.4.6) */
#define GPIO_BSRR               0x18u       /* [15:0] set, [31:16] reset, atomic (§8.4.7) */
#define GPIO_BSRR_RESET_SHIFT   16u
#define GPIO_LCKR               0x1Cu       /* (§8.4.8) */
#define GPIO_AFRL               0x20u       /* 4 bits per pin 0..7 (§8.4.9) */
#define GPIO_AFRH               0x24u       /* 4 bits per pin 8..15 (§8.4.10) */
#define GPIO_AF_SPI1            5u          /* AF5 on PA5..7 (datasheet DS9716 table 9) */
#define GPIO_AF_OTG_FS          10u         /* AF10 on PA11, PA12 */

#endif
