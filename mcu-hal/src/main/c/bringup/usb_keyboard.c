/*
 * The bring-up image's keyboard (see usb_keyboard.h). The Java firmware's ControlRequests is
 * the full answer to the host; this is the least a host needs to enumerate a boot keyboard and
 * take its reports, with the same descriptors, so that a board can be checked without MicroEJ.
 */
#include <stddef.h>
#include "drivers/usb_device.h"
#include "generated/usb_descriptors.h"
#include "bringup/usb_keyboard.h"

#define UNIQUE_ID_BYTES 12u
#define SERIAL_DIGITS   (2u * UNIQUE_ID_BYTES)

static struct {
    uint8_t serial[USB_DESCRIPTORS_SERIAL_LENGTH];
    uint8_t setup[USB_DEVICE_SETUP_LENGTH];
    uint8_t reply[USB_DESCRIPTORS_KEYBOARD_REPORT_LENGTH];
    uint8_t report[USB_DESCRIPTORS_KEYBOARD_REPORT_LENGTH];
    uint8_t configuration;
    uint8_t leds;
    uint8_t out_pending;   /* SET_REPORT's data stage is awaited */
    uint8_t key_down;      /* the last report sent pressed a key: a release comes next */
    const char *text;
} kb;

/* The serial number string: the unique id as upper-case hex in UTF-16LE (USB 2.0 §9.6.7),
 * as UsbDescriptors.writeSerial writes it, so both images enumerate alike. */
void usb_keyboard_init(const uint8_t unique_id[12]) {
    kb.serial[0] = (uint8_t)USB_DESCRIPTORS_SERIAL_LENGTH;
    kb.serial[1] = USB_REQUEST_DESCRIPTOR_STRING;
    for (uint32_t i = 0; i < SERIAL_DIGITS; i++) {
        uint32_t b = unique_id[i / 2u];
        uint32_t nibble = (i & 1u) == 0u ? b >> 4 : b & 15u;
        kb.serial[2u + 2u * i] = (uint8_t)(nibble < 10u ? '0' + nibble : 'A' + nibble - 10u);
        kb.serial[3u + 2u * i] = 0;
    }
    kb.configuration = 0;
    kb.text = NULL;
}

static uint16_t setup_word(uint32_t at) {
    return (uint16_t)(kb.setup[at] | (kb.setup[at + 1u] << 8));
}

static void reply(const uint8_t *data, uint32_t len) {
    usb_device_control_in(data, len); /* the driver cuts it to wLength */
}

static const uint8_t *string_descriptor(uint32_t index, uint32_t *len) {
    switch (index) {
        case 0:
            *len = sizeof usb_descriptor_languages;
            return usb_descriptor_languages;
        case USB_DESCRIPTORS_STRING_MANUFACTURER:
            *len = sizeof usb_descriptor_manufacturer;
            return usb_descriptor_manufacturer;
        case USB_DESCRIPTORS_STRING_PRODUCT:
            *len = sizeof usb_descriptor_product;
            return usb_descriptor_product;
        case USB_DESCRIPTORS_STRING_SERIAL:
            *len = sizeof kb.serial;
            return kb.serial;
        default:
            return NULL;
    }
}

static void get_descriptor(uint32_t recipient) {
    uint32_t type = setup_word(2) >> 8, index = setup_word(2) & 0xFFu, iface = setup_word(4);
    uint32_t len = 0;
    const uint8_t *data = NULL;
    if (recipient == USB_REQUEST_RECIPIENT_DEVICE && type == USB_REQUEST_DESCRIPTOR_DEVICE) {
        data = usb_descriptor_device;
        len = sizeof usb_descriptor_device;
    } else if (recipient == USB_REQUEST_RECIPIENT_DEVICE && type == USB_REQUEST_DESCRIPTOR_CONFIGURATION) {
        data = usb_descriptor_configuration;
        len = sizeof usb_descriptor_configuration;
    } else if (recipient == USB_REQUEST_RECIPIENT_DEVICE && type == USB_REQUEST_DESCRIPTOR_STRING) {
        data = string_descriptor(index, &len);
    } else if (recipient == USB_REQUEST_RECIPIENT_INTERFACE && type == USB_REQUEST_DESCRIPTOR_HID) {
        static const uint8_t offsets[USB_DESCRIPTORS_INTERFACE_COUNT] = {
            USB_DESCRIPTORS_HID_DESCRIPTOR_OFFSET_0, USB_DESCRIPTORS_HID_DESCRIPTOR_OFFSET_1,
            USB_DESCRIPTORS_HID_DESCRIPTOR_OFFSET_2,
        };
        if (iface < USB_DESCRIPTORS_INTERFACE_COUNT) {
            data = usb_descriptor_configuration + offsets[iface];
            len = USB_DESCRIPTORS_HID_DESCRIPTOR_LENGTH;
        }
    } else if (recipient == USB_REQUEST_RECIPIENT_INTERFACE && type == USB_REQUEST_DESCRIPTOR_REPORT) {
        if (iface == USB_DESCRIPTORS_KEYBOARD_INTERFACE) {
            data = usb_report_descriptor_keyboard;
            len = sizeof usb_report_descriptor_keyboard;
        } else if (iface == USB_DESCRIPTORS_MOUSE_INTERFACE) {
            data = usb_report_descriptor_mouse;
            len = sizeof usb_report_descriptor_mouse;
        } else if (iface == USB_DESCRIPTORS_POINTER_INTERFACE) {
            data = usb_report_descriptor_pointer;
            len = sizeof usb_report_descriptor_pointer;
        }
    }
    if (data == NULL) {
        usb_device_control_stall();
    } else {
        reply(data, len);
    }
}

static void set_configuration(uint32_t value) {
    usb_device_close_endpoints();
    kb.configuration = (uint8_t)value;
    kb.key_down = 0;
    if (value == USB_DESCRIPTORS_CONFIGURATION_VALUE) {
        usb_device_open_interrupt_in(USB_DESCRIPTORS_KEYBOARD_ENDPOINT, USB_DESCRIPTORS_INTERRUPT_MAX_PACKET);
        usb_device_open_interrupt_in(USB_DESCRIPTORS_MOUSE_ENDPOINT, USB_DESCRIPTORS_INTERRUPT_MAX_PACKET);
        usb_device_open_interrupt_in(USB_DESCRIPTORS_POINTER_ENDPOINT, USB_DESCRIPTORS_INTERRUPT_MAX_PACKET);
    }
    usb_device_control_ack();
}

static void standard_request(uint32_t request, uint32_t recipient, int in) {
    uint32_t value = setup_word(2);
    kb.reply[0] = 0;
    kb.reply[1] = 0;
    if (request == USB_REQUEST_GET_DESCRIPTOR && in) {
        get_descriptor(recipient);
    } else if (request == USB_REQUEST_SET_ADDRESS && !in && value <= 127u) {
        usb_device_set_address(value);
        usb_device_control_ack();
    } else if (request == USB_REQUEST_SET_CONFIGURATION && !in
            && (value == 0u || value == USB_DESCRIPTORS_CONFIGURATION_VALUE)) {
        set_configuration(value);
    } else if (request == USB_REQUEST_GET_CONFIGURATION && in) {
        kb.reply[0] = kb.configuration;
        reply(kb.reply, 1);
    } else if (request == USB_REQUEST_GET_STATUS && in) {
        reply(kb.reply, 2); /* bus powered, no remote wake-up, nothing halted */
    } else if (request == USB_REQUEST_GET_INTERFACE && in) {
        reply(kb.reply, 1);
    } else if ((request == USB_REQUEST_CLEAR_FEATURE || request == USB_REQUEST_SET_INTERFACE) && !in) {
        usb_device_control_ack();
    } else {
        usb_device_control_stall();
    }
}

static void class_request(uint32_t request, int in) {
    uint32_t iface = setup_word(4);
    if (request == USB_REQUEST_SET_REPORT && !in && iface == USB_DESCRIPTORS_KEYBOARD_INTERFACE
            && setup_word(6) >= 1u) {
        kb.out_pending = 1; /* answered once the LED byte has arrived */
    } else if ((request == USB_REQUEST_SET_IDLE || request == USB_REQUEST_SET_PROTOCOL) && !in) {
        usb_device_control_ack();
    } else if (request == USB_REQUEST_GET_REPORT && in && iface == USB_DESCRIPTORS_KEYBOARD_INTERFACE) {
        for (uint32_t i = 0; i < sizeof kb.reply; i++) {
            kb.reply[i] = 0;
        }
        reply(kb.reply, sizeof kb.reply);
    } else if ((request == USB_REQUEST_GET_IDLE || request == USB_REQUEST_GET_PROTOCOL) && in) {
        kb.reply[0] = request == USB_REQUEST_GET_PROTOCOL ? 1u : 0u; /* report protocol; idle 0 */
        reply(kb.reply, 1);
    } else {
        usb_device_control_stall();
    }
}

static void serve_control(void) {
    while (usb_device_poll_setup(kb.setup)) {
        kb.out_pending = 0; /* a new SETUP ends the previous transfer */
        uint32_t type = kb.setup[0] & USB_REQUEST_TYPE_MASK;
        uint32_t recipient = kb.setup[0] & USB_REQUEST_RECIPIENT_MASK;
        int in = (kb.setup[0] & USB_REQUEST_DIRECTION_IN) != 0u;
        if (type == USB_REQUEST_TYPE_STANDARD) {
            standard_request(kb.setup[1], recipient, in);
        } else if (type == USB_REQUEST_TYPE_CLASS && recipient == USB_REQUEST_RECIPIENT_INTERFACE) {
            class_request(kb.setup[1], in);
        } else {
            usb_device_control_stall();
        }
    }
    if (kb.out_pending) {
        uint8_t leds;
        if (usb_device_control_out(&leds, 1) == 1) {
            kb.out_pending = 0;
            kb.leds = leds;
            usb_device_control_ack();
        }
    }
}

/* The usage and modifiers of an ASCII character, or usage 0 when it is not typed. */
static uint8_t usage_of(char c, uint8_t *modifiers) {
    *modifiers = 0;
    if (c >= 'a' && c <= 'z') {
        return (uint8_t)(USB_HID_A + (c - 'a'));
    }
    if (c >= 'A' && c <= 'Z') {
        *modifiers = USB_HID_MODIFIER_LEFT_SHIFT;
        return (uint8_t)(USB_HID_A + (c - 'A'));
    }
    if (c >= '1' && c <= '9') {
        return (uint8_t)(USB_HID_DIGIT_1 + (c - '1'));
    }
    switch (c) {
        case '0':
            return USB_HID_DIGIT_0;
        case ' ':
            return USB_HID_SPACE;
        case '\n':
            return USB_HID_ENTER;
        case '-':
            return USB_HID_MINUS;
        case '.':
            return USB_HID_PERIOD;
        default:
            return 0;
    }
}

/* One boot report per free endpoint: the next character's press, or the release after it. */
static void type_next(void) {
    if (!usb_device_endpoint_ready(USB_DESCRIPTORS_KEYBOARD_ENDPOINT)) {
        return;
    }
    for (uint32_t i = 0; i < sizeof kb.report; i++) {
        kb.report[i] = 0;
    }
    if (kb.key_down) {
        kb.key_down = 0;
    } else {
        uint8_t modifiers = 0, usage = 0;
        while (kb.text != NULL && *kb.text != '\0' && usage == 0u) {
            usage = usage_of(*kb.text++, &modifiers);
        }
        if (kb.text != NULL && *kb.text == '\0') {
            kb.text = NULL;
        }
        if (usage == 0u) {
            return;
        }
        kb.report[0] = modifiers;
        kb.report[USB_DESCRIPTORS_KEYBOARD_KEYS_OFFSET] = usage;
        kb.key_down = 1;
    }
    usb_device_send(USB_DESCRIPTORS_KEYBOARD_ENDPOINT, kb.report, sizeof kb.report);
}

void usb_keyboard_poll(void) {
    if (usb_device_poll_bus_reset()) {
        kb.configuration = 0;
        kb.out_pending = 0;
        kb.key_down = 0;
    }
    serve_control();
    if (kb.configuration != 0u && !usb_device_is_suspended()) {
        type_next();
    }
}

int usb_keyboard_configured(void) {
    return kb.configuration != 0u;
}

int usb_keyboard_type(const char *text) {
    if (kb.text != NULL || kb.key_down) {
        return -1;
    }
    kb.text = text;
    return 0;
}

uint8_t usb_keyboard_leds(void) {
    return kb.leds;
}
