/*
 * Unit tests of bringup/usb_keyboard.c over the real driver and reg_fixture.c: what a host
 * sees of the bring-up image during enumeration and typing, packet by packet.
 */
#include <stdio.h>
#include <string.h>
#include "reg.h"
#include "stm32f401/otg_fs.h"
#include "drivers/usb_device.h"
#include "generated/usb_descriptors.h"
#include "bringup/usb_keyboard.h"
#include "reg_fixture.h"
#include "usb_test.h"

static const uint8_t unique_id[12] = {0x12, 0x34, 0x56, 0x78, 0x9A, 0xBC, 0xDE, 0xF0, 0x01, 0x02, 0x03, 0x04};

/* The host's request answered by the keyboard; returns the IN data stage as the host reads it
 * (every packet until a short one or wLength), or -1 for a STALL. */
static int request_in(uint8_t type, uint8_t request, uint16_t value, uint16_t index, uint16_t length,
                      uint8_t *got) {
    uint8_t setup[8] = {type, request, (uint8_t)value, (uint8_t)(value >> 8), (uint8_t)index,
                        (uint8_t)(index >> 8), (uint8_t)length, (uint8_t)(length >> 8)};
    fixture_rx_push(0, OTG_FS_PKTSTS_SETUP_DATA, setup, 8);
    fixture_rx_push(0, OTG_FS_PKTSTS_SETUP_DONE, NULL, 0);
    fixture_set(OTG_FS_DOEPINT(0), OTG_FS_DOEPINT_STUP);
    interrupt(0);
    fixture_set(OTG_FS_DIEPCTL(0), 0);
    fixture_tx_clear();
    usb_keyboard_poll();
    if (fixture_value(OTG_FS_DIEPCTL(0)) & OTG_FS_DEPCTL_STALL) {
        return -1;
    }
    int total = 0;
    for (;;) {
        uint32_t n = in0_size();
        for (uint32_t i = 0; i < n; i++) {
            got[total + (int)i] = fixture_tx_byte(0, i);
        }
        total += (int)n;
        if (n < USB_DEVICE_EP0_MAX_PACKET || total >= length) {
            break;
        }
        fixture_tx_clear();
        host_takes_in(0);
    }
    host_takes_in(0);
    return total;
}

static int request_no_data(uint8_t type, uint8_t request, uint16_t value) {
    uint8_t got[1];
    return request_in(type, request, value, 0, 0, got);
}

static void enumerated_keyboard(void) {
    started_device();
    usb_keyboard_init(unique_id);
    bus_reset_and_enumeration();
    usb_keyboard_poll();
}

static void enumeration_returns_the_firmwares_descriptors(void) {
    enumerated_keyboard();
    uint8_t got[256];
    CHECK_EQ(request_in(0x80, 6, 0x0100, 0, 64, got), 18);
    CHECK(memcmp(got, usb_descriptor_device, 18) == 0);
    CHECK_EQ(request_no_data(0x00, 5, 12), 0);
    CHECK_EQ((fixture_value(OTG_FS_DCFG) & OTG_FS_DCFG_DAD_MASK) >> OTG_FS_DCFG_DAD_SHIFT, 12);
    CHECK_EQ(request_in(0x80, 6, 0x0200, 0, 9, got), 9);
    CHECK_EQ(request_in(0x80, 6, 0x0200, 0, 255, got), (int)sizeof usb_descriptor_configuration);
    CHECK(memcmp(got, usb_descriptor_configuration, sizeof usb_descriptor_configuration) == 0);
    CHECK_EQ(request_in(0x81, 6, 0x2200, 0, 255, got), (int)sizeof usb_report_descriptor_keyboard);
    CHECK(memcmp(got, usb_report_descriptor_keyboard, sizeof usb_report_descriptor_keyboard) == 0);
    CHECK_EQ(request_in(0x81, 6, 0x2100, 1, 9, got), 9);
    CHECK(memcmp(got, usb_descriptor_configuration + USB_DESCRIPTORS_HID_DESCRIPTOR_OFFSET_1, 9) == 0);
    CHECK_EQ(request_in(0x80, 6, 0x0600, 0, 10, got), -1); /* no DEVICE_QUALIFIER at full speed */
}

static void serial_number_is_the_unique_id_in_hex(void) {
    enumerated_keyboard();
    uint8_t got[256];
    CHECK_EQ(request_in(0x80, 6, 0x0303, 0x0409, 255, got), USB_DESCRIPTORS_SERIAL_LENGTH);
    CHECK_EQ(got[1], 3);
    CHECK_EQ(got[2], '1');
    CHECK_EQ(got[4], '2');
    CHECK_EQ(got[20], 'A'); /* digit 9: the high nibble of 0x9A */
    CHECK_EQ(got[30], 'F');
    CHECK_EQ(got[3], 0);
}

static void set_configuration_opens_the_three_interrupt_endpoints(void) {
    enumerated_keyboard();
    CHECK(!usb_keyboard_configured());
    CHECK_EQ(request_no_data(0x00, 9, 1), 0);
    CHECK(usb_keyboard_configured());
    for (uint32_t n = 1; n <= 3u; n++) {
        CHECK(usb_device_endpoint_ready(n));
        CHECK_EQ(fixture_value(OTG_FS_DIEPCTL(n)) & OTG_FS_DIEPCTL_MPSIZ_MASK, 8);
    }
}

static void typing_sends_a_press_and_a_release_per_character(void) {
    enumerated_keyboard();
    request_no_data(0x00, 9, 1);
    CHECK_EQ(usb_keyboard_type("Ab"), 0);
    CHECK_EQ(usb_keyboard_type("again"), -1); /* one line at a time */
    uint8_t expected[4][8] = {
        {0x02, 0, 0x04, 0, 0, 0, 0, 0}, /* shift + a */
        {0, 0, 0, 0, 0, 0, 0, 0},
        {0, 0, 0x05, 0, 0, 0, 0, 0},    /* b */
        {0, 0, 0, 0, 0, 0, 0, 0},
    };
    for (int r = 0; r < 4; r++) {
        fixture_tx_clear();
        usb_keyboard_poll();
        CHECK_EQ(fixture_tx_words(1), 2);
        for (uint32_t i = 0; i < 8u; i++) {
            CHECK_EQ(fixture_tx_byte(1, i), expected[r][i]);
        }
        usb_keyboard_poll(); /* the host has not taken it: nothing more */
        CHECK_EQ(fixture_tx_words(1), 2);
        host_takes_in(1);
    }
    fixture_tx_clear();
    usb_keyboard_poll();
    CHECK_EQ(fixture_tx_words(1), 0);
    CHECK_EQ(usb_keyboard_type("next"), 0);
}

static void set_report_sets_the_leds_after_its_data_stage(void) {
    enumerated_keyboard();
    request_no_data(0x00, 9, 1);
    uint8_t setup[8] = {0x21, 0x09, 0x00, 0x02, 0, 0, 1, 0};
    fixture_rx_push(0, OTG_FS_PKTSTS_SETUP_DATA, setup, 8);
    fixture_rx_push(0, OTG_FS_PKTSTS_SETUP_DONE, NULL, 0);
    fixture_set(OTG_FS_DOEPINT(0), OTG_FS_DOEPINT_STUP);
    interrupt(0);
    fixture_set(OTG_FS_DIEPCTL(0), 0);
    usb_keyboard_poll();
    CHECK(!in0_enabled()); /* no status before the data */
    uint8_t caps = 0x02;
    fixture_rx_push(0, OTG_FS_PKTSTS_OUT_DATA, &caps, 1);
    fixture_rx_push(0, OTG_FS_PKTSTS_OUT_DONE, NULL, 0);
    fixture_set(OTG_FS_DOEPINT(0), OTG_FS_DOEPINT_XFRC);
    interrupt(0);
    usb_keyboard_poll();
    CHECK_EQ(usb_keyboard_leds(), 0x02);
    CHECK(in0_enabled());
    CHECK_EQ(in0_size(), 0);
}

static void a_bus_reset_unconfigures(void) {
    enumerated_keyboard();
    request_no_data(0x00, 9, 1);
    interrupt(OTG_FS_GINTSTS_USBRST);
    usb_keyboard_poll();
    CHECK(!usb_keyboard_configured());
}

void run_usb_keyboard_tests(void) {
    RUN(enumeration_returns_the_firmwares_descriptors);
    RUN(serial_number_is_the_unique_id_in_hex);
    RUN(set_configuration_opens_the_three_interrupt_endpoints);
    RUN(typing_sends_a_press_and_a_release_per_character);
    RUN(set_report_sets_the_leds_after_its_data_stage);
    RUN(a_bus_reset_unconfigures);
}
