/*
 * A USB keyboard in C alone, for the bring-up image: enumerates over the OTG_FS driver
 * (drivers/usb_device.h) with the firmware's own descriptors (generated/usb_descriptors.h),
 * answers the standard and HID requests a host sends to a boot keyboard, and types plain text
 * as 8-byte boot reports (a press, then a release, per character). Everything else stalls.
 *
 * The main loop calls usb_keyboard_poll() after every wake-up (events_wake_main_loop).
 */
#ifndef SKVM_BRINGUP_USB_KEYBOARD_H
#define SKVM_BRINGUP_USB_KEYBOARD_H

#include <stdint.h>

/* The 96-bit unique id becomes the serial number string, as the Java firmware writes it. */
void usb_keyboard_init(const uint8_t unique_id[12]);

/* Serves bus resets and control requests, then sends the next report when EP1 is free. */
void usb_keyboard_poll(void);

/* 1 once the host has configured the device (SET_CONFIGURATION 1), until a bus reset. */
int usb_keyboard_configured(void);

/* Starts typing text: a-z, A-Z, 0-9, space, newline, '-' and '.'; other characters are
 * skipped. text must stay valid until typed. Returns 0, or -1 while a line is still typing. */
int usb_keyboard_type(const char *text);

/* The keyboard LED bits the host last set (SET_REPORT output: bit 0 Num Lock, 1 Caps Lock). */
uint8_t usb_keyboard_leds(void);

#endif
