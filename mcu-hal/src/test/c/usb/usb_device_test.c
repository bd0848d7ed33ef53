/*
 * Unit tests of drivers/usb_device.c on the host, against reg_fixture.c (a test fixture, not the
 * simulator's register model). Each test arranges what the core would show, runs the interrupt
 * handler or a driver call, and checks what the driver wrote: packet sizes, FIFO words,
 * handshakes. usb_test.c runs them.
 */
#include <stdio.h>
#include <string.h>
#include "reg.h"
#include "stm32f401/otg_fs.h"
#include "drivers/usb_device.h"
#include "reg_fixture.h"
#include "usb_test.h"

static uint8_t pattern[USB_DEVICE_MAX_CONTROL_IN];

static void answered_get_descriptor(uint16_t w_length, uint32_t reply_length) {
    uint8_t setup[8];
    host_setup(0x80, 6, 0x0200, w_length);
    CHECK(usb_device_poll_setup(setup));
    usb_device_control_in(pattern, reply_length);
}

/* ---- tests ---- */

static void start_up_programs_the_core_as_rm0368_says(void) {
    started_device();
    CHECK(fixture_written_bits(OTG_FS_GRSTCTL) & OTG_FS_GRSTCTL_CSRST);
    CHECK_EQ(fixture_value(OTG_FS_GCCFG), OTG_FS_GCCFG_PWRDWN | OTG_FS_GCCFG_NOVBUSSENS);
    uint32_t usbcfg = fixture_value(OTG_FS_GUSBCFG);
    CHECK(usbcfg & OTG_FS_GUSBCFG_FDMOD);
    CHECK_EQ(usbcfg & OTG_FS_GUSBCFG_FHMOD, 0);
    CHECK_EQ((usbcfg & OTG_FS_GUSBCFG_TRDT_MASK) >> OTG_FS_GUSBCFG_TRDT_SHIFT, 6);
    CHECK_EQ(fixture_value(OTG_FS_DCFG) & OTG_FS_DCFG_DSPD_MASK, OTG_FS_DCFG_DSPD_FULL);
    CHECK(fixture_value(RCC_AHB2ENR_ADDRESS) & RCC_AHB2ENR_OTGFSEN);
    CHECK_EQ((fixture_value(OTG_FS_PORT_AFRH) >> 12) & 0xFFu, 0xAA); /* PA11, PA12: AF10 */
    CHECK_EQ(fixture_value(OTG_FS_GAHBCFG), OTG_FS_GAHBCFG_GINTMSK);
    uint32_t wanted = OTG_FS_GINTSTS_USBRST | OTG_FS_GINTSTS_ENUMDNE | OTG_FS_GINTSTS_USBSUSP
            | OTG_FS_GINTSTS_WKUPINT | OTG_FS_GINTSTS_RXFLVL | OTG_FS_GINTSTS_IEPINT | OTG_FS_GINTSTS_OEPINT;
    CHECK_EQ(fixture_value(OTG_FS_GINTMSK), wanted);
    CHECK_EQ(fixture_value(0xE000E108u), 1u << 3); /* NVIC_ISER2: IRQ 67 */
    CHECK(fixture_written_bits(OTG_FS_DCTL) & OTG_FS_DCTL_SDIS);
    CHECK_EQ(fixture_value(OTG_FS_DCTL) & OTG_FS_DCTL_SDIS, 0); /* connected at the end */
}

static void connect_refuses_a_core_still_in_host_mode(void) {
    fixture_reset();
    CHECK_EQ(usb_device_reset_core(), USB_DEVICE_OK);
    fixture_set(OTG_FS_GINTSTS, OTG_FS_GINTSTS_CMOD);
    CHECK_EQ(usb_device_connect(), USB_DEVICE_ERR_NOT_DEVICE);
    CHECK_EQ(fixture_value(OTG_FS_DCTL) & OTG_FS_DCTL_SDIS, 0); /* nothing was connected */
    CHECK_EQ(fixture_value(OTG_FS_GAHBCFG), 0);
}

static void fifo_plan_fits_in_320_words_without_overlap(void) {
    started_device();
    uint32_t end = fixture_value(OTG_FS_GRXFSIZ) & OTG_FS_GRXFSIZ_RXFD_MASK;
    CHECK_EQ(end, 33); /* (5 + 8) + (64 / 4 + 1) + 2 + 1 */
    for (uint32_t n = 0; n < OTG_FS_ENDPOINTS; n++) {
        uint32_t fifo = fixture_value(n == 0u ? OTG_FS_DIEPTXF0 : OTG_FS_DIEPTXF(n));
        uint32_t start = fifo & 0xFFFFu, words = fifo >> OTG_FS_TXF_DEPTH_SHIFT;
        CHECK_EQ(start, end);
        CHECK(words >= 16u);
        end = start + words;
    }
    CHECK(end <= OTG_FS_FIFO_RAM_WORDS);
}

static void setup_is_read_from_the_rx_fifo_and_ep0_rearmed_for_three(void) {
    started_device();
    bus_reset_and_enumeration();
    int wakes = fixture_wakes;
    host_setup(0x80, 6, 0x0100, 18);
    uint8_t setup[8] = {0};
    CHECK(usb_device_poll_setup(setup));
    uint8_t expected[8] = {0x80, 6, 0x00, 0x01, 0, 0, 18, 0};
    CHECK(memcmp(setup, expected, 8) == 0);
    CHECK(!usb_device_poll_setup(setup)); /* taken once */
    CHECK(fixture_wakes > wakes);
    CHECK_EQ((fixture_value(OTG_FS_DOEPTSIZ(0)) & OTG_FS_DOEPTSIZ0_STUPCNT_MASK) >> OTG_FS_DOEPTSIZ0_STUPCNT_SHIFT, 3);
    CHECK_EQ(fixture_value(OTG_FS_GINTMSK) & OTG_FS_GINTSTS_RXFLVL, OTG_FS_GINTSTS_RXFLVL); /* unmasked again */
    CHECK_EQ(fixture_irq_depth, 0);
}

static void of_back_to_back_setups_the_last_one_is_the_request(void) {
    started_device();
    bus_reset_and_enumeration();
    uint8_t first[8] = {0x00, 5, 7, 0, 0, 0, 0, 0};
    uint8_t second[8] = {0x80, 6, 0, 1, 0, 0, 64, 0};
    fixture_rx_push(0, OTG_FS_PKTSTS_SETUP_DATA, first, 8);
    fixture_rx_push(0, OTG_FS_PKTSTS_SETUP_DATA, second, 8);
    fixture_rx_push(0, OTG_FS_PKTSTS_SETUP_DONE, NULL, 0);
    fixture_set(OTG_FS_DOEPINT(0), OTG_FS_DOEPINT_STUP);
    interrupt(0);
    uint8_t setup[8];
    CHECK(usb_device_poll_setup(setup));
    CHECK(memcmp(setup, second, 8) == 0);
}

static void control_in_of_100_bytes_goes_as_64_then_36(void) {
    started_device();
    bus_reset_and_enumeration();
    answered_get_descriptor(255, 100);
    CHECK_EQ(in0_size(), 64);
    CHECK_EQ(in0_packets(), 1);
    CHECK(in0_enabled());
    CHECK_EQ(fixture_tx_words(0), 16);
    CHECK_EQ(fixture_tx_byte(0, 0), pattern[0]);
    CHECK_EQ(fixture_tx_byte(0, 63), pattern[63]);
    fixture_tx_clear();

    host_takes_in(0);
    CHECK_EQ(in0_size(), 36);
    CHECK_EQ(fixture_tx_words(0), 9);
    CHECK_EQ(fixture_tx_byte(0, 0), pattern[64]);
    CHECK_EQ(fixture_tx_byte(0, 35), pattern[99]);
    fixture_tx_clear();
    fixture_set(OTG_FS_DOEPCTL(0), 0);

    host_takes_in(0); /* the short packet ended the data stage: now the host's status OUT */
    CHECK_EQ(fixture_tx_words(0), 0);
    CHECK(out0_enabled());
}

static void control_in_of_64_bytes_below_wlength_ends_with_a_zero_length_packet(void) {
    started_device();
    bus_reset_and_enumeration();
    answered_get_descriptor(255, 64);
    CHECK_EQ(in0_size(), 64);
    fixture_tx_clear();
    host_takes_in(0);
    CHECK_EQ(in0_size(), 0);
    CHECK_EQ(in0_packets(), 1);
    CHECK(in0_enabled());
    CHECK_EQ(fixture_tx_words(0), 0);
    fixture_set(OTG_FS_DOEPCTL(0), 0);
    host_takes_in(0);
    CHECK(out0_enabled());
    CHECK_EQ(fixture_tx_words(0), 0);
}

static void control_in_of_exactly_wlength_has_no_zero_length_packet(void) {
    started_device();
    bus_reset_and_enumeration();
    answered_get_descriptor(128, 128);
    host_takes_in(0);
    CHECK_EQ(in0_size(), 64);
    fixture_set(OTG_FS_DOEPCTL(0), 0);
    fixture_tx_clear();
    host_takes_in(0);
    CHECK_EQ(fixture_tx_words(0), 0); /* no third packet */
    CHECK(out0_enabled());
}

static void a_status_out_before_the_last_in_packet_ends_the_transfer(void) {
    started_device();
    bus_reset_and_enumeration();
    answered_get_descriptor(255, 100);
    CHECK(out0_enabled()); /* armed with the data stage */
    fixture_set(OTG_FS_DIEPCTL(0), fixture_value(OTG_FS_DIEPCTL(0)) | OTG_FS_DEPCTL_EPENA);
    fixture_rx_push(0, OTG_FS_PKTSTS_OUT_DATA, NULL, 0);
    fixture_rx_push(0, OTG_FS_PKTSTS_OUT_DONE, NULL, 0);
    interrupt(0);
    fixture_set(OTG_FS_DOEPINT(0), OTG_FS_DOEPINT_XFRC);
    interrupt(0);
    CHECK(fixture_written_bits(OTG_FS_DIEPCTL(0)) & OTG_FS_DEPCTL_EPDIS);
    CHECK_EQ(fixture_value(OTG_FS_DIEPCTL(0)) & OTG_FS_DEPCTL_EPENA, 0);
    fixture_tx_clear();
    host_takes_in(0); /* a stray completion sends nothing more */
    CHECK_EQ(fixture_tx_words(0), 0);
}

static void control_in_is_cut_to_wlength(void) {
    started_device();
    bus_reset_and_enumeration();
    answered_get_descriptor(8, 18); /* the host's first GET_DESCRIPTOR(device) asks for 8 */
    CHECK_EQ(in0_size(), 8);
    CHECK_EQ(fixture_tx_words(0), 2);
}

static void an_empty_reply_to_a_request_for_data_is_one_zero_length_packet(void) {
    started_device();
    bus_reset_and_enumeration();
    answered_get_descriptor(64, 0);
    CHECK_EQ(in0_size(), 0);
    CHECK(in0_enabled());
    fixture_set(OTG_FS_DIEPCTL(0), 0);
    fixture_set(OTG_FS_DOEPCTL(0), 0);
    host_takes_in(0);
    CHECK(!in0_enabled()); /* not a second zero-length packet */
    CHECK(out0_enabled());
}

static void stall_sets_both_directions_of_ep0(void) {
    started_device();
    bus_reset_and_enumeration();
    uint8_t setup[8];
    host_setup(0x80, 6, 0x0600, 10); /* DEVICE_QUALIFIER: a full-speed device stalls it */
    CHECK(usb_device_poll_setup(setup));
    usb_device_control_stall();
    CHECK(fixture_value(OTG_FS_DIEPCTL(0)) & OTG_FS_DEPCTL_STALL);
    CHECK(fixture_value(OTG_FS_DOEPCTL(0)) & OTG_FS_DEPCTL_STALL);

    /* The core lifts the STALL itself at the next SETUP; that request is answered normally. */
    fixture_set(OTG_FS_DIEPCTL(0), fixture_value(OTG_FS_DIEPCTL(0)) & ~OTG_FS_DEPCTL_STALL);
    answered_get_descriptor(18, 18);
    CHECK_EQ(in0_size(), 18);
    CHECK(in0_enabled());
}

static void an_answer_overtaken_by_a_newer_setup_is_dropped(void) {
    started_device();
    bus_reset_and_enumeration();
    uint8_t setup[8];
    host_setup(0x80, 6, 0x0100, 18);
    CHECK(usb_device_poll_setup(setup));
    host_setup(0x80, 6, 0x0200, 9); /* the host gave up and asked again */
    fixture_tx_clear();
    usb_device_control_in(pattern, 18);
    CHECK_EQ(fixture_tx_words(0), 0);
    CHECK(usb_device_poll_setup(setup));
    CHECK_EQ(setup[2], 0x00);
    CHECK_EQ(setup[3], 0x02);
    usb_device_control_in(pattern, 9);
    CHECK_EQ(in0_size(), 9);
}

static void out_data_stage_is_read_then_acknowledged(void) {
    started_device();
    bus_reset_and_enumeration();
    uint8_t setup[8];
    host_setup(0x21, 0x09, 0x0200, 1); /* SET_REPORT(output), one LED byte */
    CHECK(usb_device_poll_setup(setup));
    CHECK(out0_enabled());
    uint8_t got[8] = {0};
    CHECK_EQ(usb_device_control_out(got, sizeof got), -1);

    uint8_t leds = 0x02;
    fixture_rx_push(0, OTG_FS_PKTSTS_OUT_DATA, &leds, 1);
    fixture_rx_push(0, OTG_FS_PKTSTS_OUT_DONE, NULL, 0);
    interrupt(0);
    int wakes = fixture_wakes;
    fixture_set(OTG_FS_DOEPINT(0), OTG_FS_DOEPINT_XFRC);
    interrupt(0);
    CHECK(fixture_wakes > wakes);
    CHECK_EQ(usb_device_control_out(got, sizeof got), 1);
    CHECK_EQ(got[0], 0x02);

    usb_device_control_ack();
    CHECK_EQ(in0_size(), 0);
    CHECK_EQ(in0_packets(), 1);
    CHECK(in0_enabled());
}

static void set_address_writes_dcfg_dad(void) {
    started_device();
    bus_reset_and_enumeration();
    usb_device_set_address(42);
    CHECK_EQ((fixture_value(OTG_FS_DCFG) & OTG_FS_DCFG_DAD_MASK) >> OTG_FS_DCFG_DAD_SHIFT, 42);
    CHECK_EQ(fixture_value(OTG_FS_DCFG) & OTG_FS_DCFG_DSPD_MASK, OTG_FS_DCFG_DSPD_FULL);
}

static void interrupt_in_endpoint_opens_sends_and_is_freed_by_xfrc(void) {
    started_device();
    bus_reset_and_enumeration();
    CHECK_EQ(usb_device_open_interrupt_in(1, 8), 0);
    uint32_t ctl = fixture_value(OTG_FS_DIEPCTL(1));
    CHECK_EQ(ctl & OTG_FS_DIEPCTL_MPSIZ_MASK, 8);
    CHECK(ctl & OTG_FS_DEPCTL_USBAEP);
    CHECK_EQ((ctl & OTG_FS_DEPCTL_EPTYP_MASK) >> OTG_FS_DEPCTL_EPTYP_SHIFT, OTG_FS_EPTYP_INTERRUPT);
    CHECK_EQ((ctl & OTG_FS_DIEPCTL_TXFNUM_MASK) >> OTG_FS_DIEPCTL_TXFNUM_SHIFT, 1);
    CHECK(ctl & OTG_FS_DEPCTL_SD0PID);
    CHECK(fixture_value(OTG_FS_DAINTMSK) & OTG_FS_DAINT_IEP(1));
    CHECK(usb_device_endpoint_ready(1));

    uint8_t report[8] = {0, 0, 4, 0, 0, 0, 0, 0}; /* 'a' */
    CHECK(usb_device_send(1, report, 8));
    CHECK_EQ(fixture_value(OTG_FS_DIEPTSIZ(1)), OTG_FS_DEPTSIZ_PKTCNT(1) | 8u);
    CHECK(fixture_value(OTG_FS_DIEPCTL(1)) & OTG_FS_DEPCTL_EPENA);
    CHECK_EQ(fixture_tx_words(1), 2);
    CHECK_EQ(fixture_tx_byte(1, 2), 4);
    CHECK(!usb_device_endpoint_ready(1));
    CHECK(!usb_device_send(1, report, 8)); /* the first is not taken yet */
    CHECK_EQ(fixture_tx_words(1), 2);

    int wakes = fixture_wakes;
    host_takes_in(1);
    CHECK(fixture_wakes > wakes);
    CHECK(usb_device_endpoint_ready(1));
}

static void interrupt_in_refuses_what_it_cannot_send(void) {
    started_device();
    bus_reset_and_enumeration();
    uint8_t report[9] = {0};
    CHECK(!usb_device_send(2, report, 8)); /* not open */
    CHECK_EQ(usb_device_open_interrupt_in(4, 8), -1);
    CHECK_EQ(usb_device_open_interrupt_in(0, 8), -1);
    CHECK_EQ(usb_device_open_interrupt_in(2, 65), -1);
    CHECK_EQ(usb_device_open_interrupt_in(2, 8), 0);
    CHECK(!usb_device_send(2, report, 9)); /* longer than its max packet */
    CHECK_EQ(fixture_tx_words(2), 0);
    usb_device_close_endpoints();
    CHECK(!usb_device_endpoint_ready(2));
    CHECK_EQ(fixture_value(OTG_FS_DIEPCTL(2)) & OTG_FS_DEPCTL_USBAEP, 0);
}

static void bus_reset_closes_endpoints_naks_out_and_returns_to_address_0(void) {
    started_device();
    bus_reset_and_enumeration();
    usb_device_set_address(9);
    CHECK_EQ(usb_device_open_interrupt_in(3, 8), 0);
    uint8_t report[8] = {0};
    CHECK(usb_device_send(3, report, 8));
    interrupt(OTG_FS_GINTSTS_USBRST);
    CHECK(usb_device_poll_bus_reset());
    CHECK(!usb_device_poll_bus_reset()); /* once per reset */
    CHECK_EQ(fixture_value(OTG_FS_DCFG) & OTG_FS_DCFG_DAD_MASK, 0);
    CHECK(!usb_device_endpoint_ready(3));
    CHECK_EQ(fixture_value(OTG_FS_DIEPCTL(3)) & OTG_FS_DEPCTL_USBAEP, 0);
    for (uint32_t n = 0; n < OTG_FS_ENDPOINTS; n++) {
        CHECK(fixture_value(OTG_FS_DOEPCTL(n)) & OTG_FS_DEPCTL_SNAK);
    }
    CHECK_EQ(fixture_value(OTG_FS_DAINTMSK), OTG_FS_DAINT_IEP(0) | OTG_FS_DAINT_OEP(0));
    CHECK(fixture_value(OTG_FS_DOEPMSK) & OTG_FS_DOEPMSK_STUPM);
    CHECK(fixture_value(OTG_FS_DIEPMSK) & OTG_FS_DIEPMSK_XFRCM);
    CHECK_EQ((fixture_value(OTG_FS_DOEPTSIZ(0)) & OTG_FS_DOEPTSIZ0_STUPCNT_MASK) >> OTG_FS_DOEPTSIZ0_STUPCNT_SHIFT, 3);
    CHECK_EQ(fixture_value(OTG_FS_GINTSTS) & OTG_FS_GINTSTS_USBRST, 0); /* acknowledged */
}

static void enumeration_done_gives_ep0_64_byte_packets_at_full_speed(void) {
    started_device();
    interrupt(OTG_FS_GINTSTS_USBRST);
    fixture_set(OTG_FS_DIEPCTL(0), OTG_FS_DIEPCTL0_MPSIZ_8);
    fixture_set(OTG_FS_DSTS, OTG_FS_ENUMSPD_FULL << OTG_FS_DSTS_ENUMSPD_SHIFT);
    interrupt(OTG_FS_GINTSTS_ENUMDNE);
    CHECK_EQ(fixture_value(OTG_FS_DIEPCTL(0)) & OTG_FS_DIEPCTL0_MPSIZ_MASK, OTG_FS_DIEPCTL0_MPSIZ_64);
}

static void suspend_and_resume_are_latched(void) {
    started_device();
    bus_reset_and_enumeration();
    interrupt(OTG_FS_GINTSTS_USBSUSP);
    CHECK(usb_device_is_suspended());
    interrupt(OTG_FS_GINTSTS_WKUPINT);
    CHECK(!usb_device_is_suspended());
    interrupt(OTG_FS_GINTSTS_USBSUSP);
    interrupt(OTG_FS_GINTSTS_USBRST); /* a reset also ends a suspension */
    CHECK(!usb_device_is_suspended());
}

void run_usb_device_tests(void) {
    for (uint32_t i = 0; i < sizeof pattern; i++) {
        pattern[i] = (uint8_t)(i * 7u + 1u);
    }
    RUN(start_up_programs_the_core_as_rm0368_says);
    RUN(connect_refuses_a_core_still_in_host_mode);
    RUN(fifo_plan_fits_in_320_words_without_overlap);
    RUN(setup_is_read_from_the_rx_fifo_and_ep0_rearmed_for_three);
    RUN(of_back_to_back_setups_the_last_one_is_the_request);
    RUN(control_in_of_100_bytes_goes_as_64_then_36);
    RUN(control_in_of_64_bytes_below_wlength_ends_with_a_zero_length_packet);
    RUN(control_in_of_exactly_wlength_has_no_zero_length_packet);
    RUN(a_status_out_before_the_last_in_packet_ends_the_transfer);
    RUN(control_in_is_cut_to_wlength);
    RUN(an_empty_reply_to_a_request_for_data_is_one_zero_length_packet);
    RUN(stall_sets_both_directions_of_ep0);
    RUN(an_answer_overtaken_by_a_newer_setup_is_dropped);
    RUN(out_data_stage_is_read_then_acknowledged);
    RUN(set_address_writes_dcfg_dad);
    RUN(interrupt_in_endpoint_opens_sends_and_is_freed_by_xfrc);
    RUN(interrupt_in_refuses_what_it_cannot_send);
    RUN(bus_reset_closes_endpoints_naks_out_and_returns_to_address_0);
    RUN(enumeration_done_gives_ep0_64_byte_packets_at_full_speed);
    RUN(suspend_and_resume_are_latched);
}
