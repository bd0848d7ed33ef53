/* Shared checks and host steps of the USB unit tests (see usb_test.h), and their main. */
#include <stdio.h>
#include "reg.h"
#include "stm32f401/otg_fs.h"
#include "drivers/usb_device.h"
#include "reg_fixture.h"
#include "usb_test.h"

int failures;
const char *current;



void check(int ok, const char *what, int line) {
    if (!ok) {
        failures++;
        printf("FAIL %s (line %d): %s\n", current, line, what);
    }
}

void check_eq(long actual, long expected, const char *what, int line) {
    if (actual != expected) {
        failures++;
        printf("FAIL %s (line %d): %s is %ld, expected %ld\n", current, line, what, actual, expected);
    }
}

/* ---- what the host and the core do ---- */

void started_device(void) {
    fixture_reset();
    CHECK_EQ(usb_device_reset_core(), USB_DEVICE_OK);
    CHECK_EQ(usb_device_connect(), USB_DEVICE_OK);
}

void interrupt(uint32_t gintsts_bits) {
    fixture_set(OTG_FS_GINTSTS, fixture_value(OTG_FS_GINTSTS) | gintsts_bits);
    OTG_FS_IRQHandler();
}

void bus_reset_and_enumeration(void) {
    interrupt(OTG_FS_GINTSTS_USBRST);
    fixture_set(OTG_FS_DSTS, OTG_FS_ENUMSPD_FULL << OTG_FS_DSTS_ENUMSPD_SHIFT);
    interrupt(OTG_FS_GINTSTS_ENUMDNE);
    CHECK(usb_device_poll_bus_reset());
    fixture_tx_clear();
}

/* A SETUP packet as the core presents it: "SETUP data packet received", "SETUP transaction
 * completed", then DOEPINT0.STUP. */
void host_setup(uint8_t request_type, uint8_t request, uint16_t value, uint16_t length) {
    uint8_t setup[8] = {request_type, request, (uint8_t)value, (uint8_t)(value >> 8), 0, 0,
                        (uint8_t)length, (uint8_t)(length >> 8)};
    fixture_rx_push(0, OTG_FS_PKTSTS_SETUP_DATA, setup, 8);
    fixture_rx_push(0, OTG_FS_PKTSTS_SETUP_DONE, NULL, 0);
    interrupt(0);
    fixture_set(OTG_FS_DOEPINT(0), OTG_FS_DOEPINT_STUP);
    interrupt(0);
}

/* The host took the packet in IN endpoint n: the core clears EPENA and sets XFRC. */
void host_takes_in(uint32_t n) {
    fixture_set(OTG_FS_DIEPCTL(n), fixture_value(OTG_FS_DIEPCTL(n)) & ~OTG_FS_DEPCTL_EPENA);
    fixture_set(OTG_FS_DIEPINT(n), OTG_FS_DIEPINT_XFRC);
    interrupt(0);
}

uint32_t in0_size(void) {
    return fixture_value(OTG_FS_DIEPTSIZ(0)) & OTG_FS_DIEPTSIZ0_XFRSIZ_MASK;
}

uint32_t in0_packets(void) {
    return (fixture_value(OTG_FS_DIEPTSIZ(0)) & OTG_FS_DIEPTSIZ0_PKTCNT_MASK) >> OTG_FS_DEPTSIZ_PKTCNT_SHIFT;
}

int in0_enabled(void) {
    return (fixture_value(OTG_FS_DIEPCTL(0)) & (OTG_FS_DEPCTL_EPENA | OTG_FS_DEPCTL_CNAK))
            == (OTG_FS_DEPCTL_EPENA | OTG_FS_DEPCTL_CNAK);
}

int out0_enabled(void) {
    return (fixture_value(OTG_FS_DOEPCTL(0)) & (OTG_FS_DEPCTL_EPENA | OTG_FS_DEPCTL_CNAK))
            == (OTG_FS_DEPCTL_EPENA | OTG_FS_DEPCTL_CNAK);
}

int main(void) {
    run_usb_device_tests();
    run_usb_keyboard_tests();
    printf("%d failure(s)\n", failures);
    return failures == 0 ? 0 : 1;
}
