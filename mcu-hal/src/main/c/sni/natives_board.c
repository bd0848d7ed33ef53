/*
 * The board's start-up native and its pins: org.skvmoip.hal.stm32.Stm32Natives init, gpioWrite,
 * gpioRead, spiTransfer (MicroEJ SNI: primitives and primitive arrays, a Java null as NULL).
 */
#include <stdint.h>
#include <stddef.h>
#include "sni.h"
#include "wiring.h"
#include "drivers/exti.h"
#include "drivers/gpio.h"
#include "drivers/rcc.h"
#include "drivers/spi.h"
#include "stm32f401/gpio.h"
#include "stm32f401/rcc.h"

/* BR = 1: fPCLK2 / 4 = 21 MHz. BR = 0 gives 42 MHz, within the W5500's guaranteed 33.3 MHz only
 * on short, clean traces: measure before changing. */
#define SPI1_BAUD_BITS 1u

void Java_org_skvmoip_hal_stm32_Stm32Natives_init(void) {
    wiring_init();
    rcc_enable(RCC_APB2ENR, RCC_APB2ENR_SPI1EN | RCC_APB2ENR_SYSCFGEN);
    spi1_init(SPI1_BAUD_BITS);
    /* INTn falling wakes the main loop, whoever waits; either LED changing wakes it too (the
     * front panel samples only while unsettled). */
    exti_arm(WIRING_W5500_INT, EXTI_EDGE_FALLING);
    exti_arm(WIRING_POWER_LED, EXTI_EDGE_RISING | EXTI_EDGE_FALLING);
    exti_arm(WIRING_HDD_LED, EXTI_EDGE_RISING | EXTI_EDGE_FALLING);
}

static int is_wired_output(uint32_t pin) {
    const struct wiring_pin *wired = wiring_find(pin);
    return wired != NULL && wired->config.mode == GPIO_MODE_OUTPUT;
}

void Java_org_skvmoip_hal_stm32_Stm32Natives_spiTransfer(jint csPin, jbyte *tx, jint txOff,
                                                         jbyte *rx, jint rxOff, jint len) {
    if (len <= 0 || !is_wired_output((uint32_t)csPin)) {
        return;
    }
    gpio_write((uint32_t)csPin, 0);
    spi1_transfer((const uint8_t *)tx + txOff, rx == NULL ? NULL : (uint8_t *)rx + rxOff, (uint32_t)len);
    gpio_write((uint32_t)csPin, 1);
}

/* Only the wiring's outputs are written: a pin is configured once, from the table, never here. */
void Java_org_skvmoip_hal_stm32_Stm32Natives_gpioWrite(jint pin, jboolean high) {
    if (is_wired_output((uint32_t)pin)) {
        gpio_write((uint32_t)pin, high);
    }
}

jboolean Java_org_skvmoip_hal_stm32_Stm32Natives_gpioRead(jint pin) {
    if (wiring_find((uint32_t)pin) == NULL) {
        return 0;
    }
    return (jboolean)gpio_read((uint32_t)pin);
}
