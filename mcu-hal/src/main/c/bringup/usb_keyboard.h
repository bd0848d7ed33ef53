/*
 * Where the bring-up image's USB keyboard goes: enumerate as the firmware's HID keyboard (the
 * descriptors generated from mcu-app's UsbDescriptors) and type a self-test line when KEY is
 * pressed. NOT WRITTEN YET: it waits for the OTG_FS device driver (drivers/usb_device.c); until
 * then these do nothing and the image says so on its LED (docs/device-build.md).
 */
#ifndef SKVM_BRINGUP_USB_KEYBOARD_H
#define SKVM_BRINGUP_USB_KEYBOARD_H

/* Returns 1 once the keyboard exists, 0 while this is the placeholder. */
int usb_keyboard_start(void);
/* Called from the main loop: serves the device; types the line when asked to. */
void usb_keyboard_poll(int type_self_test);

#endif
