/* GPIO pins (RM0368 §8): a pin is port * 16 + number, port A = 0, as in Stm32F401Board. */
#ifndef SKVM_DRIVERS_GPIO_H
#define SKVM_DRIVERS_GPIO_H

#include <stdint.h>

#define GPIO_PORT_A 0u
#define GPIO_PORT_B 1u
#define GPIO_PORT_C 2u
#define GPIO_PIN(port, number) ((port) * 16u + (number))
#define GPIO_PIN_PORT(pin) ((uint32_t)(pin) >> 4)
#define GPIO_PIN_NUMBER(pin) ((uint32_t)(pin) & 15u)
#define GPIO_PORT_COUNT 3u

/* How one pin is set up; mode, pull and speed take the GPIO_MODE_, GPIO_PULL_ and GPIO_SPEED_
 * values of stm32f401/gpio.h. */
struct gpio_config {
    uint8_t pin;
    uint8_t mode;
    uint8_t pull;
    uint8_t speed;
    uint8_t alternate;     /* the AF number, for GPIO_MODE_AF */
    uint8_t initial_high;  /* for outputs: the level driven from the moment it becomes one */
};

/* Configures a pin; its port's clock must be on. */
void gpio_configure(const struct gpio_config *config);
void gpio_write(uint32_t pin, int high);
int gpio_read(uint32_t pin);
/* Returns the pin's mode field (GPIO_MODE_*). */
uint32_t gpio_mode(uint32_t pin);

#endif
