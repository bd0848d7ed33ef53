/*
 * The bring-up image: C alone, flashable without MicroEJ, to check a freshly wired module.
 * It configures the wiring, reads the W5500's VERSIONR and PHYCFGR over SPI1 every 100 ms, and
 * shows the result on the Black Pill's LED (PC13, lit when low):
 *
 *   fast blink (5 Hz)           the clock tree failed (no 25 MHz crystal?): running on the HSI
 *   one short flash every 2 s   no W5500: VERSIONR did not read 0x04 (wiring, power, CS, RST)
 *   slow blink (1 Hz)           W5500 answers, no Ethernet link (PHYCFGR LNK = 0)
 *   steady                      W5500 answers, link up: the LED then follows the target's power
 *                               LED input (PB14), and goes dark while the HDD LED input is lit
 *
 * KEY (PA0) pressed: the USB keyboard is to type a self-test line (keyboard_start/keyboard_poll
 * below: NOT DONE yet). The watchdog runs: a hang resets the board within 2 s.
 */
#include <stdint.h>
#include "bringup/w5500.h"
#include "drivers/events.h"
#include "drivers/clock.h"
#include "drivers/gpio.h"
#include "drivers/iwdg.h"
#include "drivers/rcc.h"
#include "drivers/spi.h"
#include "stm32f401/rcc.h"
#include "wiring.h"

#define SPI1_BAUD_BITS 1u          /* 21 MHz, as the firmware's natives */
#define WATCHDOG_MS 2000u
#define CHECK_PERIOD_MS 100u
/* RSTn low for at least 500 us (W5500 datasheet §5.5.1 TRC), then up to 1 ms until its PLL
 * locks (TPL): both with margin. */
#define W5500_RESET_LOW_MS 2u
#define W5500_RESET_READY_MS 10u

extern int board_clock_status;

void SysTick_Handler(void);

void SysTick_Handler(void) {
    clock_systick_tick();
}

static void wait_ms(uint32_t ms) {
    uint32_t start = clock_millis();
    while (clock_millis() - start < ms) {
        iwdg_kick();
    }
}

/*
 * HOOK, NOT DONE: the USB keyboard. With the USB device driver's drivers/usb_device.c and its
 * bring-up keyboard bringup/usb_keyboard.c (and generated/usb_descriptors.c) in this tree, and
 * added to the Makefile's BRINGUP_SRCS with drivers/uid.c: keyboard_start does
 * usb_device_reset_core(), usb_device_connect() and usb_keyboard_init(uid); keyboard_poll does
 * usb_keyboard_poll() and, when KEY went down, usb_keyboard_type("skvmoip bring-up ok\n").
 */
static void keyboard_start(void) {
}

static void keyboard_poll(int key_pressed) {
    (void)key_pressed;
}

static void led(int lit) {
    gpio_write(WIRING_BOARD_LED, !lit); /* active low */
}

/* The LED's state for this status at time now (ms). */
static int led_pattern(int chip_ok, int link_up, uint32_t now) {
    if (board_clock_status != CLOCK_OK) {
        return (now / 100u) % 2u == 0u;
    }
    if (!chip_ok) {
        return now % 2000u < 100u;
    }
    if (!link_up) {
        return (now / 500u) % 2u == 0u;
    }
    return gpio_read(WIRING_POWER_LED) && !gpio_read(WIRING_HDD_LED);
}

int main(void) {
    wiring_init();
    rcc_enable(RCC_APB2ENR, RCC_APB2ENR_SPI1EN | RCC_APB2ENR_SYSCFGEN);
    spi1_init(SPI1_BAUD_BITS);
    clock_systick_start();
    iwdg_start(WATCHDOG_MS);

    gpio_write(WIRING_W5500_RST, 0);
    wait_ms(W5500_RESET_LOW_MS);
    gpio_write(WIRING_W5500_RST, 1);
    wait_ms(W5500_RESET_READY_MS);

    keyboard_start();
    int chip_ok = 0;
    int link_up = 0;
    int key_was_down = 0;
    uint32_t last_check = clock_millis() - CHECK_PERIOD_MS;
    for (;;) {
        uint32_t now = clock_millis();
        if (now - last_check >= CHECK_PERIOD_MS) {
            last_check = now;
            chip_ok = w5500_read_common(W5500_VERSIONR) == W5500_VERSION;
            link_up = chip_ok && (w5500_read_common(W5500_PHYCFGR) & W5500_PHYCFGR_LNK) != 0u;
        }
        int key_down = !gpio_read(WIRING_FACTORY_RESET); /* KEY shorts PA0 to ground */
        keyboard_poll(key_down && !key_was_down);
        key_was_down = key_down;
        led(led_pattern(chip_ok, link_up, now));
        iwdg_kick();
    }
}

/* The image's side of drivers/events.h: the loop polls everything each pass, so a wake-up needs
 * no flag here. */
void events_wake_main_loop(void) {
}
