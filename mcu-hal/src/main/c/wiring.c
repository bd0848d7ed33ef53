#include <stddef.h>
#include "wiring.h"
#include "drivers/rcc.h"
#include "stm32f401/gpio.h"
#include "stm32f401/rcc.h"

#define IN GPIO_MODE_INPUT
#define OUT GPIO_MODE_OUTPUT
#define AF GPIO_MODE_AF

const struct wiring_pin wiring_pins[] = {
    /* SPI1 to the W5500: AF5, high speed for a clean 21 MHz SCK edge. */
    {"SPI1_SCK", {WIRING_SPI1_SCK, AF, GPIO_PULL_NONE, GPIO_SPEED_HIGH, GPIO_AF_SPI1, 0}},
    {"SPI1_MISO", {WIRING_SPI1_MISO, AF, GPIO_PULL_NONE, GPIO_SPEED_HIGH, GPIO_AF_SPI1, 0}},
    {"SPI1_MOSI", {WIRING_SPI1_MOSI, AF, GPIO_PULL_NONE, GPIO_SPEED_HIGH, GPIO_AF_SPI1, 0}},
    /* SCSn and RSTn are active low: high from the first cycle, the chip idle and out of reset. */
    {"W5500_CS", {WIRING_W5500_CS, OUT, GPIO_PULL_NONE, GPIO_SPEED_HIGH, 0, 1}},
    {"W5500_RST", {WIRING_W5500_RST, OUT, GPIO_PULL_NONE, GPIO_SPEED_LOW, 0, 1}},
    /* INTn is open drain on the W5500 board: the pull-up makes its released level. */
    {"W5500_INT", {WIRING_W5500_INT, IN, GPIO_PULL_UP, GPIO_SPEED_LOW, 0, 0}},
    /* The optocoupler LEDs: low = released, before anything else runs (docs/front-panel.md). */
    {"POWER_BUTTON", {WIRING_POWER_BUTTON, OUT, GPIO_PULL_NONE, GPIO_SPEED_LOW, 0, 0}},
    {"RESET_BUTTON", {WIRING_RESET_BUTTON, OUT, GPIO_PULL_NONE, GPIO_SPEED_LOW, 0, 0}},
    /* Driven high by the optocoupler's transistor while the LED is lit; the weak pull-down
     * (not a pull-up, which would read "lit" forever) makes an unlit or unplugged LED read low. */
    {"POWER_LED", {WIRING_POWER_LED, IN, GPIO_PULL_DOWN, GPIO_SPEED_LOW, 0, 0}},
    {"HDD_LED", {WIRING_HDD_LED, IN, GPIO_PULL_DOWN, GPIO_SPEED_LOW, 0, 0}},
    /* The Black Pill's KEY button shorts PA0 to ground; it has no external pull-up. */
    {"FACTORY_RESET", {WIRING_FACTORY_RESET, IN, GPIO_PULL_UP, GPIO_SPEED_LOW, 0, 0}},
    /* The Black Pill's blue LED, to 3.3 V through a resistor: lit when low, so it starts high. */
    {"BOARD_LED", {WIRING_BOARD_LED, OUT, GPIO_PULL_NONE, GPIO_SPEED_LOW, 0, 1}},
    /* USB D- and D+ to the target: OTG_FS's AF10 (its PHY drives them only once the core is
     * powered and connected). */
    {"USB_DM", {WIRING_USB_DM, AF, GPIO_PULL_NONE, GPIO_SPEED_HIGH, GPIO_AF_OTG_FS, 0}},
    {"USB_DP", {WIRING_USB_DP, AF, GPIO_PULL_NONE, GPIO_SPEED_HIGH, GPIO_AF_OTG_FS, 0}},
};

const uint32_t wiring_pin_count = sizeof wiring_pins / sizeof wiring_pins[0];

void wiring_init(void) {
    rcc_enable(RCC_AHB1ENR, RCC_AHB1ENR_GPIOAEN | RCC_AHB1ENR_GPIOBEN | RCC_AHB1ENR_GPIOCEN);
    for (uint32_t i = 0; i < wiring_pin_count; i++) {
        gpio_configure(&wiring_pins[i].config);
    }
}

const struct wiring_pin *wiring_find(uint32_t pin) {
    for (uint32_t i = 0; i < wiring_pin_count; i++) {
        if (wiring_pins[i].config.pin == pin) {
            return &wiring_pins[i];
        }
    }
    return NULL;
}
