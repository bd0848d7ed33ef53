#include "drivers/gpio.h"
#include "reg.h"
#include "stm32f401/gpio.h"

static uint32_t port_base(uint32_t pin) {
    return GPIOA_BASE + GPIO_PORT_STRIDE * GPIO_PIN_PORT(pin);
}

static void field(uint32_t pin, uint32_t offset, uint32_t bits, uint32_t value) {
    uint32_t n = GPIO_PIN_NUMBER(pin);
    uint32_t shift = bits * n;
    if (offset == GPIO_AFRL && n >= 8u) {
        offset = GPIO_AFRH;
        shift = bits * (n - 8u);
    }
    uint32_t mask = ((1u << bits) - 1u) << shift;
    reg_modify(port_base(pin) + offset, mask, value << shift);
}

void gpio_configure(const struct gpio_config *config) {
    uint32_t pin = config->pin;
    /* The level, speed and function first, the mode last: an output drives its initial level
     * from its first cycle, and an AF pin never shows the reset function on its way there. */
    gpio_write(pin, config->initial_high);
    field(pin, GPIO_OTYPER, 1u, 0u);
    field(pin, GPIO_OSPEEDR, 2u, config->speed);
    field(pin, GPIO_PUPDR, 2u, config->pull);
    field(pin, GPIO_AFRL, 4u, config->mode == GPIO_MODE_AF ? config->alternate : 0u);
    field(pin, GPIO_MODER, 2u, config->mode);
}

void gpio_write(uint32_t pin, int high) {
    uint32_t bit = 1u << GPIO_PIN_NUMBER(pin);
    reg_write(port_base(pin) + GPIO_BSRR, high ? bit : bit << GPIO_BSRR_RESET_SHIFT);
}

int gpio_read(uint32_t pin) {
    return (int)((reg_read(port_base(pin) + GPIO_IDR) >> GPIO_PIN_NUMBER(pin)) & 1u);
}

uint32_t gpio_mode(uint32_t pin) {
    return (reg_read(port_base(pin) + GPIO_MODER) >> (2u * GPIO_PIN_NUMBER(pin))) & 3u;
}
