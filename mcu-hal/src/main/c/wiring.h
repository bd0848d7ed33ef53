/*
 * The module's wiring (docs/wiring.md): every pin the firmware uses, configured once at start-up
 * from one table. The Java side names the same pins in Stm32F401Board; WiringTableTest checks
 * that the two agree.
 */
#ifndef SKVM_WIRING_H
#define SKVM_WIRING_H

#include <stdint.h>
#include "drivers/gpio.h"

#define WIRING_SPI1_SCK      GPIO_PIN(GPIO_PORT_A, 5)
#define WIRING_SPI1_MISO     GPIO_PIN(GPIO_PORT_A, 6)
#define WIRING_SPI1_MOSI     GPIO_PIN(GPIO_PORT_A, 7)
#define WIRING_W5500_CS      GPIO_PIN(GPIO_PORT_A, 4)
#define WIRING_W5500_RST     GPIO_PIN(GPIO_PORT_B, 0)
#define WIRING_W5500_INT     GPIO_PIN(GPIO_PORT_B, 1)
#define WIRING_POWER_BUTTON  GPIO_PIN(GPIO_PORT_B, 12)
#define WIRING_RESET_BUTTON  GPIO_PIN(GPIO_PORT_B, 13)
#define WIRING_POWER_LED     GPIO_PIN(GPIO_PORT_B, 14)
#define WIRING_HDD_LED       GPIO_PIN(GPIO_PORT_B, 15)
#define WIRING_FACTORY_RESET GPIO_PIN(GPIO_PORT_A, 0)
#define WIRING_BOARD_LED     GPIO_PIN(GPIO_PORT_C, 13)
#define WIRING_USB_DM        GPIO_PIN(GPIO_PORT_A, 11)
#define WIRING_USB_DP        GPIO_PIN(GPIO_PORT_A, 12)

struct wiring_pin {
    const char *name;        /* as the Java side names it */
    struct gpio_config config;
};

extern const struct wiring_pin wiring_pins[];
extern const uint32_t wiring_pin_count;

/* Turns on the GPIO ports' clocks and configures every pin of the table. */
void wiring_init(void);
/* The table's entry for a pin, or NULL when the wiring does not use it. */
const struct wiring_pin *wiring_find(uint32_t pin);

#endif
