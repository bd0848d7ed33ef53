/*
 * The STM32F401's OTG_FS core as a full-speed USB device (RM0368 ch. 22): endpoint 0 for control
 * transfers and interrupt IN endpoints 1..3, answered by polling from the main loop. The
 * interrupt handler (OTG_FS_IRQHandler) does what the bus cannot wait for (RX FIFO, packet
 * splitting, handshakes, bus reset) and latches the rest for the poll functions; it wakes the
 * main loop through events_wake_main_loop (drivers/events.h).
 *
 * Every function copies the caller's bytes before it returns (into the TX FIFO or a C buffer),
 * so the caller's buffer may move or change at once: a Java array may move after an SNI call.
 *
 * Start-up: usb_device_reset_core(), then wait USB_DEVICE_FORCE_MODE_SETTLE_MS, then
 * usb_device_connect(). The driver has no clock of its own; the wait is the caller's.
 */
#ifndef SKVM_DRIVERS_USB_DEVICE_H
#define SKVM_DRIVERS_USB_DEVICE_H

#include <stdint.h>

#define USB_DEVICE_OK                0
/* The core's AHB master never went idle, so a soft reset would have cut a bus transfer. */
#define USB_DEVICE_ERR_AHB_NOT_IDLE  (-1)
/* GRSTCTL.CSRST (or a FIFO flush) never cleared: the core has no clock (RCC, PLL Q output). */
#define USB_DEVICE_ERR_RESET_STUCK   (-2)
/* GINTSTS.CMOD still says host mode after forcing device mode and the settling time. */
#define USB_DEVICE_ERR_NOT_DEVICE    (-3)

/* RM0368 §22.16.2, GUSBCFG.FDMOD: the forced mode takes effect at least 25 ms after the write. */
#define USB_DEVICE_FORCE_MODE_SETTLE_MS 25u

#define USB_DEVICE_SETUP_LENGTH      8u
#define USB_DEVICE_EP0_MAX_PACKET    64u
/* The longest IN data stage usb_device_control_in takes (the firmware's longest descriptor fits). */
#define USB_DEVICE_MAX_CONTROL_IN    256u
#define USB_DEVICE_MAX_OUT_STAGE     USB_DEVICE_EP0_MAX_PACKET
/* Interrupt IN endpoints are 1..USB_DEVICE_LAST_ENDPOINT. */
#define USB_DEVICE_LAST_ENDPOINT     3u
#define USB_DEVICE_MAX_INTERRUPT_PACKET 64u

/* Clocks and pins on, core soft reset, transceiver on, VBUS sensing off, device mode forced. */
int usb_device_reset_core(void);

/* After the settling time: full speed, FIFO plan, interrupts, then the DP pull-up on. */
int usb_device_connect(void);

/* 1 once per bus reset (then address 0, only EP0 open, any control request forgotten), else 0. */
int usb_device_poll_bus_reset(void);

/* Copies the newest unanswered SETUP packet into setup and returns 1, or returns 0. */
int usb_device_poll_setup(uint8_t setup[USB_DEVICE_SETUP_LENGTH]);

/* The OUT data stage of the current request (at most one packet): copies up to max bytes into
 * dst and returns their number, or -1 while the host has not sent them. */
int usb_device_control_out(uint8_t *dst, uint32_t max);

/* The IN data stage: len bytes (cut to wLength and USB_DEVICE_MAX_CONTROL_IN) in 64-byte
 * packets, with a zero-length packet where USB 2.0 §5.5.3 asks for one, then the host's
 * status stage is accepted. Ignored when a newer SETUP has arrived since the last poll. */
void usb_device_control_in(const uint8_t *data, uint32_t len);

/* Status stage without data: one zero-length IN packet. Ignored like control_in. */
void usb_device_control_ack(void);

/* STALL on both directions of EP0 (request error); the core lifts it at the next SETUP. */
void usb_device_control_stall(void);

/* DCFG.DAD at once: the core answers on the old address until the status stage is done. */
void usb_device_set_address(uint32_t address);

/* Opens interrupt IN endpoint 1..3 with its own TX FIFO, DATA0 first (SET_CONFIGURATION).
 * Returns 0, or -1 (nothing changed) for an endpoint or packet size out of range. */
int usb_device_open_interrupt_in(uint32_t endpoint, uint32_t max_packet);

/* Closes endpoints 1..3, dropping packets the host has not taken. */
void usb_device_close_endpoints(void);

/* 1 when endpoint is open and holds no untaken packet. */
int usb_device_endpoint_ready(uint32_t endpoint);

/* Queues one packet on an interrupt IN endpoint; 1, or 0 (nothing sent) when it is closed,
 * busy or len exceeds its max packet size. */
int usb_device_send(uint32_t endpoint, const uint8_t *data, uint32_t len);

/* 1 while the host has suspended the bus (USBSUSP until WKUPINT or a reset). */
int usb_device_is_suspended(void);

/* The core's global interrupt (vector table position 67). */
void OTG_FS_IRQHandler(void);

#endif
