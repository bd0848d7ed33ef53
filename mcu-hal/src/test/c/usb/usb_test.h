/*
 * What the unit tests of the USB C share: checks that count failures, and the host's and the
 * core's side of a transfer as reg_fixture.c shows them to the driver.
 */
#ifndef SKVM_TEST_USB_TEST_H
#define SKVM_TEST_USB_TEST_H

#include <stdint.h>

extern int failures;
extern const char *current;

#define CHECK(condition) check((condition), #condition, __LINE__)
#define CHECK_EQ(actual, expected) check_eq((long)(actual), (long)(expected), #actual, __LINE__)
#define RUN(test) do { int before = failures; current = #test; test(); \
        printf("%s %s\n", failures == before ? "ok  " : "FAIL", #test); } while (0)

void check(int ok, const char *what, int line);
void check_eq(long actual, long expected, const char *what, int line);

/* A device the driver started, then reset and enumerated at full speed by the host. */
void started_device(void);
void bus_reset_and_enumeration(void);
/* Sets GINTSTS bits (none: only the derived ones) and runs OTG_FS_IRQHandler. */
void interrupt(uint32_t gintsts_bits);
/* A SETUP packet as the core presents it: SETUP data, SETUP done, then DOEPINT0.STUP. */
void host_setup(uint8_t request_type, uint8_t request, uint16_t value, uint16_t length);
/* The host took the packet in IN endpoint n: EPENA cleared, XFRC set, handler run. */
void host_takes_in(uint32_t n);
uint32_t in0_size(void);
uint32_t in0_packets(void);
int in0_enabled(void);
int out0_enabled(void);

void run_usb_device_tests(void);
void run_usb_keyboard_tests(void);

#endif
