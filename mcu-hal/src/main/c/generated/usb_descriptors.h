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
#define USB_DESCRIPTORS_KEYBOARD_REPORT_LENGTH 8
#define USB_DESCRIPTORS_KEYBOARD_KEYS_OFFSET 2

/* Control requests (USB 2.0 §9.3-9.4, HID 1.11 §7.1-7.2; UsbRequests). */
#define USB_REQUEST_DIRECTION_IN 0x80
#define USB_REQUEST_TYPE_MASK 0x60
#define USB_REQUEST_TYPE_STANDARD 0x00
#define USB_REQUEST_TYPE_CLASS 0x20
#define USB_REQUEST_RECIPIENT_MASK 0x1F
#define USB_REQUEST_RECIPIENT_DEVICE 0x00
#define USB_REQUEST_RECIPIENT_INTERFACE 0x01
#define USB_REQUEST_GET_STATUS 0x00
#define USB_REQUEST_CLEAR_FEATURE 0x01
#define USB_REQUEST_SET_ADDRESS 0x05
#define USB_REQUEST_GET_DESCRIPTOR 0x06
#define USB_REQUEST_GET_CONFIGURATION 0x08
#define USB_REQUEST_SET_CONFIGURATION 0x09
#define USB_REQUEST_GET_INTERFACE 0x0A
#define USB_REQUEST_SET_INTERFACE 0x0B
#define USB_REQUEST_GET_REPORT 0x01
#define USB_REQUEST_GET_IDLE 0x02
#define USB_REQUEST_GET_PROTOCOL 0x03
#define USB_REQUEST_SET_REPORT 0x09
#define USB_REQUEST_SET_IDLE 0x0A
#define USB_REQUEST_SET_PROTOCOL 0x0B
#define USB_REQUEST_DESCRIPTOR_DEVICE 0x01
#define USB_REQUEST_DESCRIPTOR_CONFIGURATION 0x02
#define USB_REQUEST_DESCRIPTOR_STRING 0x03
#define USB_REQUEST_DESCRIPTOR_HID 0x21
#define USB_REQUEST_DESCRIPTOR_REPORT 0x22

/* Keyboard usages (HID Usage Tables, page 0x07; protocol.HidKeyboard) for typing plain text. */
#define USB_HID_A 0x04
#define USB_HID_DIGIT_1 0x1E
#define USB_HID_DIGIT_0 0x27
#define USB_HID_ENTER 0x28
#define USB_HID_SPACE 0x2C
#define USB_HID_MINUS 0x2D
#define USB_HID_PERIOD 0x37
#define USB_HID_MODIFIER_LEFT_SHIFT 0x02

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
