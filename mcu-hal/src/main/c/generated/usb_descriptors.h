/*
 * GENERATED from mcu-app's UsbDescriptors.java and ReportDescriptors.java (the one source of
 * truth) by mcu-app/src/test/java/org/skvmoip/firmware/hid/UsbDescriptorsC.java. Do not edit:
 * change the Java data, then regenerate with
 *   ./mvnw -o -q -pl mcu-app -am verify -Dtest=UsbDescriptorsCTest -Dsurefire.failIfNoSpecifiedTests=false -Dskvm.regenerate=true
 */
#ifndef SKVM_GENERATED_USB_DESCRIPTORS_H
#define SKVM_GENERATED_USB_DESCRIPTORS_H

#include <stdint.h>

#define USB_DESCRIPTORS_KEYBOARD_INTERFACE 0
#define USB_DESCRIPTORS_MOUSE_INTERFACE 1
#define USB_DESCRIPTORS_POINTER_INTERFACE 2
#define USB_DESCRIPTORS_INTERFACE_COUNT 3
#define USB_DESCRIPTORS_KEYBOARD_ENDPOINT 1
#define USB_DESCRIPTORS_MOUSE_ENDPOINT 2
#define USB_DESCRIPTORS_POINTER_ENDPOINT 3
#define USB_DESCRIPTORS_CONFIGURATION_VALUE 1
#define USB_DESCRIPTORS_EP0_MAX_PACKET 64
#define USB_DESCRIPTORS_INTERRUPT_MAX_PACKET 8
#define USB_DESCRIPTORS_HID_DESCRIPTOR_LENGTH 9
#define USB_DESCRIPTORS_STRING_MANUFACTURER 1
#define USB_DESCRIPTORS_STRING_PRODUCT 2
#define USB_DESCRIPTORS_STRING_SERIAL 3
#define USB_DESCRIPTORS_SERIAL_LENGTH 50

/* Where interface n's HID descriptor starts inside usb_descriptor_configuration. */
#define USB_DESCRIPTORS_HID_DESCRIPTOR_OFFSET_0 18
#define USB_DESCRIPTORS_HID_DESCRIPTOR_OFFSET_1 43
#define USB_DESCRIPTORS_HID_DESCRIPTOR_OFFSET_2 68

extern const uint8_t usb_descriptor_device[18];
extern const uint8_t usb_descriptor_configuration[84];
extern const uint8_t usb_descriptor_languages[4];
extern const uint8_t usb_descriptor_manufacturer[16];
extern const uint8_t usb_descriptor_product[54];
extern const uint8_t usb_report_descriptor_keyboard[64];
extern const uint8_t usb_report_descriptor_mouse[61];
extern const uint8_t usb_report_descriptor_pointer[70];

#endif
