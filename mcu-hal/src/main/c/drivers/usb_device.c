/*
 * OTG_FS device driver (see usb_device.h). The sequences follow RM0368 §22.17, "OTG_FS
 * programming model": core initialization, device initialization, and the device programming
 * model's endpoint initialization (on USB reset, on enumeration completion, on SetAddress, on
 * SetConfiguration), packet read from the RX FIFO, IN data transfers and OUT data transfers
 * (control SETUP transactions). Packet sizes and the ZLP rule: USB 2.0 §5.5.3 and §8.5.3.
 *
 * State shared with the interrupt handler is read and written with interrupts masked
 * (irq_save) on the caller's side; the handler itself is never interrupted by these calls.
 */
#include <stddef.h>
#include "reg.h"
#include "stm32f401/irq.h"
#include "stm32f401/otg_fs.h"
#include "stm32f401/rcc.h"
#include "drivers/core.h"
#include "drivers/events.h"
#include "drivers/rcc.h"
#include "drivers/usb_device.h"

/* The Black Pill does not wire VBUS to PA9 (RM0368 §22.16.2, GCCFG): with NOVBUSSENS the core
 * takes VBUS as valid. A board that wires it sets this to 1 and senses it with VBUSBSEN. */
#define BOARD_VBUS_ON_PA9 0

/* GUSBCFG.TRDT for an AHB clock of 32 MHz and above (RM0368 §22.16.2, TRDT values table):
 * HCLK is 84 MHz. */
#define TRDT_AHB_32_MHZ_AND_ABOVE 6u

/* Bound of every wait on a bit the core sets or clears itself. Each turn is one AHB read (a few
 * cycles at 84 MHz), so the bound is well over a millisecond: far beyond the few PHY or AHB
 * clocks the manual's waits (AHBIDL, CSRST, FIFO flush, EPDISD) take on a clocked core. */
#define WAIT_LIMIT 200000u

/* A compile-time check in C99: the array size is negative, and the build fails naming it. */
#define COMPILE_TIME_CHECK(condition, name) typedef char name[(condition) ? 1 : -1]

/* ---- FIFO RAM plan (RM0368 §22.11, FIFO RAM allocation in device mode), in 32-bit words ----
 * RX FIFO: (5 * control endpoints + 8) for SETUP packets, (largest packet / 4 + 1) for one
 * packet and its status, 2 per OUT endpoint for their transfer-complete status, 1 for global
 * OUT NAK. EP0 is the one control and the one OUT endpoint: the keyboard's LED report comes
 * by SET_REPORT on EP0. TX FIFOs: one per IN endpoint, each holding one largest packet, and no
 * smaller than the core's minimum depth of 16 words. */
#define FIFO_MIN_DEPTH          16u
#define FIFO_CONTROL_ENDPOINTS  1u
#define FIFO_OUT_ENDPOINTS      1u
#define FIFO_RX_WORDS           ((5u * FIFO_CONTROL_ENDPOINTS + 8u) + (USB_DEVICE_EP0_MAX_PACKET / 4u + 1u) \
                                 + 2u * FIFO_OUT_ENDPOINTS + 1u)
#define FIFO_TX0_WORDS          (USB_DEVICE_EP0_MAX_PACKET / 4u)
#define FIFO_TX_INTERRUPT_WORDS (USB_DEVICE_MAX_INTERRUPT_PACKET / 4u)
#define FIFO_TOTAL_WORDS        (FIFO_RX_WORDS + FIFO_TX0_WORDS + USB_DEVICE_LAST_ENDPOINT * FIFO_TX_INTERRUPT_WORDS)

COMPILE_TIME_CHECK(FIFO_TOTAL_WORDS <= OTG_FS_FIFO_RAM_WORDS, fifo_plan_exceeds_the_320_words_of_fifo_ram);
COMPILE_TIME_CHECK(FIFO_RX_WORDS >= FIFO_MIN_DEPTH && FIFO_TX0_WORDS >= FIFO_MIN_DEPTH
                   && FIFO_TX_INTERRUPT_WORDS >= FIFO_MIN_DEPTH, fifo_below_the_minimum_depth_of_16_words);

/* Start and depth of each IN endpoint's TX FIFO, after the RX FIFO at address 0. */
static const struct {
    uint16_t start;
    uint16_t words;
} tx_fifo[OTG_FS_ENDPOINTS] = {
    {FIFO_RX_WORDS, FIFO_TX0_WORDS},
    {FIFO_RX_WORDS + FIFO_TX0_WORDS, FIFO_TX_INTERRUPT_WORDS},
    {FIFO_RX_WORDS + FIFO_TX0_WORDS + FIFO_TX_INTERRUPT_WORDS, FIFO_TX_INTERRUPT_WORDS},
    {FIFO_RX_WORDS + FIFO_TX0_WORDS + 2u * FIFO_TX_INTERRUPT_WORDS, FIFO_TX_INTERRUPT_WORDS},
};

/* Where endpoint 0's control transfer stands. */
enum ep0_stage {
    EP0_IDLE,       /* no request, or the last one is done */
    EP0_REQUEST,    /* a SETUP came; the firmware answers (for an OUT stage: once it arrived) */
    EP0_DATA_OUT,   /* the host's OUT data stage is awaited */
    EP0_DATA_IN,    /* our IN data stage is on the bus */
    EP0_STATUS_OUT, /* the host's zero-length status OUT is awaited */
    EP0_STATUS_IN,  /* our zero-length status IN is on the bus */
    EP0_STALLED     /* until the next SETUP */
};

static struct {
    volatile uint8_t bus_reset;
    volatile uint8_t suspended;
    volatile uint8_t setup_pending;
    volatile uint8_t ep0_stage;
    uint8_t setup_received[USB_DEVICE_SETUP_LENGTH]; /* from the RX FIFO: back-to-back SETUPs overwrite */
    uint8_t setup[USB_DEVICE_SETUP_LENGTH];          /* the one STUP (SETUP phase done) latched */
    uint16_t w_length;
    int16_t out_length;                               /* bytes of the OUT stage in out_stage, or -1 */
    int16_t out_received;
    uint8_t out_stage[USB_DEVICE_MAX_OUT_STAGE];
    uint8_t in_stage[USB_DEVICE_MAX_CONTROL_IN];
    uint16_t in_length;
    uint16_t in_sent;
    uint16_t in_packet;                               /* bytes of the packet now in TX FIFO 0 */
    uint8_t in_zlp_due;                               /* a zero-length packet must end the stage */
    volatile uint8_t ep_open;                         /* bit n: IN endpoint n is open */
    volatile uint8_t ep_busy;                         /* bit n: its packet is not taken yet */
    uint16_t ep_max_packet[OTG_FS_ENDPOINTS];
} usb;

/* ---- small helpers ---- */

static int wait_until(uint32_t address, uint32_t mask, uint32_t value) {
    return reg_wait(address, mask, value, WAIT_LIMIT);
}

/* RM0368 §22.16.2, GRSTCTL: flush only while the FIFO is not being used (endpoints NAKing or
 * disabled), then wait for the core to clear the flush bit. */
static int flush_tx_fifo(uint32_t txfnum_field) {
    reg_write(OTG_FS_GRSTCTL, OTG_FS_GRSTCTL_TXFFLSH | txfnum_field);
    return wait_until(OTG_FS_GRSTCTL, OTG_FS_GRSTCTL_TXFFLSH, 0u);
}

static int flush_rx_fifo(void) {
    reg_write(OTG_FS_GRSTCTL, OTG_FS_GRSTCTL_RXFFLSH);
    return wait_until(OTG_FS_GRSTCTL, OTG_FS_GRSTCTL_RXFFLSH, 0u);
}

/* Pushes len bytes into IN endpoint n's TX FIFO, a word at a time, little-endian. Never
 * interleaved with other accesses to the core: main-loop callers hold interrupts masked, and
 * the handler is not interrupted by main-loop code. ST's errata for other parts with this core
 * (e.g. the STM32L4R/S sheet) say an interleaved write sequence corrupts the FIFO. */
static void fifo_write(uint32_t endpoint, const uint8_t *data, uint32_t len) {
    for (uint32_t i = 0; i < len; i += 4u) {
        uint32_t word = 0;
        for (uint32_t b = 0; b < 4u && i + b < len; b++) {
            word |= (uint32_t)data[i + b] << (8u * b);
        }
        reg_write(OTG_FS_FIFO(endpoint), word);
    }
}

/* Pops a packet of len bytes from the RX FIFO; keeps the first max of them in dst (may be NULL). */
static void fifo_read(uint8_t *dst, uint32_t max, uint32_t len) {
    for (uint32_t i = 0; i < len; i += 4u) {
        uint32_t word = reg_read(OTG_FS_FIFO(0));
        for (uint32_t b = 0; b < 4u && i + b < len; b++) {
            if (dst != NULL && i + b < max) {
                dst[i + b] = (uint8_t)(word >> (8u * b));
            }
        }
    }
}

/* RM0368 §22.17, "Disabling an IN endpoint": NAK first (INEPNE), then EPDIS (EPDISD), then
 * flush its TX FIFO, so no half-written packet is left for the next transfer. */
static void in_endpoint_disable(uint32_t n) {
    if ((reg_read(OTG_FS_DIEPCTL(n)) & OTG_FS_DEPCTL_EPENA) != 0u) {
        reg_set(OTG_FS_DIEPCTL(n), OTG_FS_DEPCTL_SNAK);
        wait_until(OTG_FS_DIEPINT(n), OTG_FS_DIEPINT_INEPNE, OTG_FS_DIEPINT_INEPNE);
        reg_set(OTG_FS_DIEPCTL(n), OTG_FS_DEPCTL_SNAK | OTG_FS_DEPCTL_EPDIS);
        wait_until(OTG_FS_DIEPINT(n), OTG_FS_DIEPINT_EPDISD, OTG_FS_DIEPINT_EPDISD);
    }
    reg_write(OTG_FS_DIEPINT(n), 0xFFu);
    flush_tx_fifo(n << OTG_FS_GRSTCTL_TXFNUM_SHIFT);
}

static void interrupt_in_close(uint32_t n) {
    in_endpoint_disable(n);
    reg_write(OTG_FS_DIEPCTL(n), 0u); /* USBAEP cleared: the core no longer answers on it */
    reg_clear(OTG_FS_DAINTMSK, OTG_FS_DAINT_IEP(n));
    usb.ep_open &= (uint8_t)~(1u << n);
    usb.ep_busy &= (uint8_t)~(1u << n);
    usb.ep_max_packet[n] = 0;
}

static void fifo_plan_program(void) {
    reg_write(OTG_FS_GRXFSIZ, FIFO_RX_WORDS);
    reg_write(OTG_FS_DIEPTXF0, ((uint32_t)tx_fifo[0].words << OTG_FS_TXF_DEPTH_SHIFT) | tx_fifo[0].start);
    for (uint32_t n = 1; n < OTG_FS_ENDPOINTS; n++) {
        reg_write(OTG_FS_DIEPTXF(n), ((uint32_t)tx_fifo[n].words << OTG_FS_TXF_DEPTH_SHIFT) | tx_fifo[n].start);
    }
}

/* EP0 OUT ready for up to three back-to-back SETUP packets and, with enable, for one packet
 * of an OUT data or status stage. */
static void ep0_out_arm(int enable) {
    reg_write(OTG_FS_DOEPTSIZ(0), (3u << OTG_FS_DOEPTSIZ0_STUPCNT_SHIFT) | OTG_FS_DOEPTSIZ0_PKTCNT
            | USB_DEVICE_EP0_MAX_PACKET);
    if (enable) {
        reg_set(OTG_FS_DOEPCTL(0), OTG_FS_DEPCTL_EPENA | OTG_FS_DEPCTL_CNAK);
    }
}

/* ---- start-up: RM0368 §22.17, "Core initialization" and "Device initialization" ---- */

/* The core's AHB clock (RCC_AHB2ENR, RM0368 §6.3.10); its 48 MHz comes from the PLL's Q output
 * (clock.c). DM/DP (PA11/PA12, AF10) are set up with every other pin from the wiring table. */
static void clock_on(void) {
    rcc_enable(RCC_AHB2ENR, RCC_AHB2ENR_OTGFSEN);
}

int usb_device_reset_core(void) {
    clock_on();
    reg_write(OTG_FS_GAHBCFG, 0u); /* no core interrupt until the device is configured */

    /* GRSTCTL: a soft reset only once the AHB master is idle; the core clears CSRST when done. */
    if (!wait_until(OTG_FS_GRSTCTL, OTG_FS_GRSTCTL_AHBIDL, OTG_FS_GRSTCTL_AHBIDL)) {
        return USB_DEVICE_ERR_AHB_NOT_IDLE;
    }
    reg_set(OTG_FS_GRSTCTL, OTG_FS_GRSTCTL_CSRST);
    if (!wait_until(OTG_FS_GRSTCTL, OTG_FS_GRSTCTL_CSRST, 0u)) {
        return USB_DEVICE_ERR_RESET_STUCK;
    }
    if (!wait_until(OTG_FS_GRSTCTL, OTG_FS_GRSTCTL_AHBIDL, OTG_FS_GRSTCTL_AHBIDL)) {
        return USB_DEVICE_ERR_AHB_NOT_IDLE;
    }

    reg_write(OTG_FS_GCCFG, OTG_FS_GCCFG_PWRDWN
            | (BOARD_VBUS_ON_PA9 ? OTG_FS_GCCFG_VBUSBSEN : OTG_FS_GCCFG_NOVBUSSENS));
    reg_modify(OTG_FS_GUSBCFG,
            OTG_FS_GUSBCFG_FHMOD | OTG_FS_GUSBCFG_FDMOD | OTG_FS_GUSBCFG_HNPCAP | OTG_FS_GUSBCFG_SRPCAP
                    | OTG_FS_GUSBCFG_TRDT_MASK,
            OTG_FS_GUSBCFG_FDMOD | (TRDT_AHB_32_MHZ_AND_ABOVE << OTG_FS_GUSBCFG_TRDT_SHIFT));
    return USB_DEVICE_OK;
}

int usb_device_connect(void) {
    if ((reg_read(OTG_FS_GINTSTS) & OTG_FS_GINTSTS_CMOD) != 0u) {
        return USB_DEVICE_ERR_NOT_DEVICE;
    }
    reg_write(OTG_FS_PCGCCTL, 0u);
    reg_set(OTG_FS_DCTL, OTG_FS_DCTL_SDIS); /* invisible to the host until configured */
    reg_modify(OTG_FS_DCFG, OTG_FS_DCFG_DSPD_MASK | OTG_FS_DCFG_NZLSOHSK | OTG_FS_DCFG_DAD_MASK,
            OTG_FS_DCFG_DSPD_FULL);

    fifo_plan_program();
    if (!flush_tx_fifo(OTG_FS_GRSTCTL_TXFNUM_ALL) || !flush_rx_fifo()) {
        return USB_DEVICE_ERR_RESET_STUCK;
    }
    reg_write(OTG_FS_DIEPMSK, 0u);
    reg_write(OTG_FS_DOEPMSK, 0u);
    reg_write(OTG_FS_DAINTMSK, 0u);
    for (uint32_t n = 0; n < OTG_FS_ENDPOINTS; n++) {
        reg_write(OTG_FS_DIEPCTL(n), n == 0u ? 0u : OTG_FS_DEPCTL_SNAK);
        reg_write(OTG_FS_DOEPCTL(n), OTG_FS_DEPCTL_SNAK);
        reg_write(OTG_FS_DIEPINT(n), 0xFFu);
        reg_write(OTG_FS_DOEPINT(n), 0xFFu);
    }

    usb.bus_reset = 0;
    usb.suspended = 0;
    usb.setup_pending = 0;
    usb.ep0_stage = EP0_IDLE;
    usb.out_length = -1;
    usb.ep_open = 0;
    usb.ep_busy = 0;

    /* SOF and early suspend stay masked, unlike the manual's example: the loop would be woken
     * every millisecond for nothing. */
    reg_write(OTG_FS_GINTSTS, 0xFFFFFFFFu);
    reg_write(OTG_FS_GINTMSK, OTG_FS_GINTSTS_USBRST | OTG_FS_GINTSTS_ENUMDNE | OTG_FS_GINTSTS_USBSUSP
            | OTG_FS_GINTSTS_WKUPINT | OTG_FS_GINTSTS_RXFLVL | OTG_FS_GINTSTS_IEPINT | OTG_FS_GINTSTS_OEPINT);
    reg_write(OTG_FS_GAHBCFG, OTG_FS_GAHBCFG_GINTMSK);
    nvic_enable(IRQ_OTG_FS);

    reg_clear(OTG_FS_DCTL, OTG_FS_DCTL_SDIS); /* DP pull-up on: the host sees a device and resets it */
    return USB_DEVICE_OK;
}

/* ---- interrupt side: bus events (RM0368 §22.17, endpoint initialization on USB reset and on
 * enumeration completion) ---- */

static void on_bus_reset(void) {
    reg_clear(OTG_FS_DCTL, OTG_FS_DCTL_RWUSIG);
    for (uint32_t n = 0; n < OTG_FS_ENDPOINTS; n++) {
        reg_set(OTG_FS_DOEPCTL(n), OTG_FS_DEPCTL_SNAK); /* 1. NAK on every OUT endpoint */
        reg_write(OTG_FS_DOEPINT(n), 0xFFu);
    }
    in_endpoint_disable(0);
    for (uint32_t n = 1; n < OTG_FS_ENDPOINTS; n++) {
        interrupt_in_close(n);
    }
    /* 2. interrupts of EP0 in both directions: SETUP done, transfers completed, IN timeout */
    reg_write(OTG_FS_DAINTMSK, OTG_FS_DAINT_IEP(0) | OTG_FS_DAINT_OEP(0));
    reg_write(OTG_FS_DOEPMSK, OTG_FS_DOEPMSK_STUPM | OTG_FS_DOEPMSK_XFRCM);
    reg_write(OTG_FS_DIEPMSK, OTG_FS_DIEPMSK_XFRCM | OTG_FS_DIEPMSK_TOM);
    fifo_plan_program();                               /* 3. the FIFO RAM plan */
    flush_rx_fifo();
    ep0_out_arm(0);                                    /* 4. STUPCNT = 3 */
    reg_modify(OTG_FS_DCFG, OTG_FS_DCFG_DAD_MASK, 0u); /* address 0 until SET_ADDRESS */

    usb.setup_pending = 0;
    usb.ep0_stage = EP0_IDLE;
    usb.out_length = -1;
    usb.suspended = 0;
    usb.bus_reset = 1;
}

static void on_enumeration_done(void) {
    uint32_t speed = (reg_read(OTG_FS_DSTS) & OTG_FS_DSTS_ENUMSPD_MASK) >> OTG_FS_DSTS_ENUMSPD_SHIFT;
    /* EP0's max packet size for the enumerated speed (USB 2.0 §5.5.3: 64 at full speed; 8 is
     * all a low-speed link allows, should the core ever report another speed). */
    reg_modify(OTG_FS_DIEPCTL(0), OTG_FS_DIEPCTL0_MPSIZ_MASK,
            speed == OTG_FS_ENUMSPD_FULL ? OTG_FS_DIEPCTL0_MPSIZ_64 : OTG_FS_DIEPCTL0_MPSIZ_8);
    reg_set(OTG_FS_DCTL, OTG_FS_DCTL_CGINAK);
}

/* ---- interrupt side: endpoint 0 ---- */

/* Loads the next packet of the IN data stage: at most 64 bytes, a short (or zero-length)
 * packet ending the stage (RM0368 §22.17, IN data transfers: size, then enable, then data). */
static void ep0_in_next_packet(void) {
    uint32_t left = (uint32_t)usb.in_length - usb.in_sent;
    uint32_t n = left < USB_DEVICE_EP0_MAX_PACKET ? left : USB_DEVICE_EP0_MAX_PACKET;
    if (n < USB_DEVICE_EP0_MAX_PACKET) {
        usb.in_zlp_due = 0; /* this short packet ends the stage by itself */
    }
    usb.in_packet = (uint16_t)n;
    reg_write(OTG_FS_DIEPTSIZ(0), OTG_FS_DEPTSIZ_PKTCNT(1) | n);
    reg_set(OTG_FS_DIEPCTL(0), OTG_FS_DEPCTL_EPENA | OTG_FS_DEPCTL_CNAK);
    /* TX FIFO 0 holds exactly one 64-byte packet and is empty once the previous one's XFRC came. */
    fifo_write(0, usb.in_stage + usb.in_sent, n);
}

static void ep0_status_in(void) {
    usb.ep0_stage = EP0_STATUS_IN;
    reg_write(OTG_FS_DIEPTSIZ(0), OTG_FS_DEPTSIZ_PKTCNT(1));
    reg_set(OTG_FS_DIEPCTL(0), OTG_FS_DEPCTL_EPENA | OTG_FS_DEPCTL_CNAK);
}

/* One entry of the RX FIFO (RM0368 §22.17, "Packet read from the RX FIFO"): RXFLVL masked
 * while the status is popped and its data read. */
static void rx_fifo_pop(void) {
    reg_clear(OTG_FS_GINTMSK, OTG_FS_GINTSTS_RXFLVL);
    uint32_t status = reg_read(OTG_FS_GRXSTSP);
    uint32_t endpoint = status & OTG_FS_GRXSTSP_EPNUM_MASK;
    uint32_t count = (status & OTG_FS_GRXSTSP_BCNT_MASK) >> OTG_FS_GRXSTSP_BCNT_SHIFT;
    uint32_t kind = (status & OTG_FS_GRXSTSP_PKTSTS_MASK) >> OTG_FS_GRXSTSP_PKTSTS_SHIFT;

    if (kind == OTG_FS_PKTSTS_SETUP_DATA && endpoint == 0u) {
        fifo_read(usb.setup_received, USB_DEVICE_SETUP_LENGTH, count);
    } else if (kind == OTG_FS_PKTSTS_OUT_DATA && endpoint == 0u && usb.ep0_stage == EP0_DATA_OUT) {
        fifo_read(usb.out_stage, USB_DEVICE_MAX_OUT_STAGE, count);
        usb.out_received = (int16_t)(count < USB_DEVICE_MAX_OUT_STAGE ? count : USB_DEVICE_MAX_OUT_STAGE);
    } else {
        fifo_read(NULL, 0, count); /* status stages (zero length) and anything unexpected */
    }
    reg_set(OTG_FS_GINTMSK, OTG_FS_GINTSTS_RXFLVL);
}

/* DOEPINT0.STUP: the SETUP phase is over and the last SETUP packet received is the request. A
 * new SETUP ends whatever the previous control transfer was doing; the core itself has
 * already lifted a STALL on EP0 (RM0368 §22.16.4, DIEPCTL0/DOEPCTL0 STALL). */
static void ep0_setup_done(void) {
    if (usb.ep0_stage == EP0_DATA_IN || usb.ep0_stage == EP0_STATUS_IN) {
        in_endpoint_disable(0);
    }
    for (uint32_t i = 0; i < USB_DEVICE_SETUP_LENGTH; i++) {
        usb.setup[i] = usb.setup_received[i];
    }
    usb.w_length = (uint16_t)(usb.setup[6] | (usb.setup[7] << 8));
    usb.out_length = -1;
    usb.out_received = -1;
    int host_to_device_data = (usb.setup[0] & 0x80u) == 0u && usb.w_length > 0u;
    usb.ep0_stage = host_to_device_data ? EP0_DATA_OUT : EP0_REQUEST;
    ep0_out_arm(host_to_device_data);
    usb.setup_pending = 1;
}

static int ep0_out_events(void) {
    uint32_t flags = reg_read(OTG_FS_DOEPINT(0));
    reg_write(OTG_FS_DOEPINT(0), flags);
    int wake = 0;
    if ((flags & OTG_FS_DOEPINT_XFRC) != 0u) {
        if (usb.ep0_stage == EP0_DATA_OUT && usb.out_received >= 0) {
            usb.out_length = usb.out_received;
            usb.ep0_stage = EP0_REQUEST;
            wake = 1;
        } else if (usb.ep0_stage == EP0_STATUS_OUT || usb.ep0_stage == EP0_DATA_IN) {
            if (usb.ep0_stage == EP0_DATA_IN) {
                in_endpoint_disable(0); /* the host went to the status stage before taking it all */
            }
            usb.ep0_stage = EP0_IDLE;
        }
    }
    if ((flags & OTG_FS_DOEPINT_STUP) != 0u) {
        ep0_setup_done();
        wake = 1;
    }
    return wake;
}

static void ep0_in_events(void) {
    uint32_t flags = reg_read(OTG_FS_DIEPINT(0));
    reg_write(OTG_FS_DIEPINT(0), flags);
    if ((flags & OTG_FS_DIEPINT_XFRC) == 0u) {
        return;
    }
    if (usb.ep0_stage == EP0_DATA_IN) {
        usb.in_sent = (uint16_t)(usb.in_sent + usb.in_packet);
        if (usb.in_sent < usb.in_length || usb.in_zlp_due) {
            ep0_in_next_packet();
        } else {
            usb.ep0_stage = EP0_STATUS_OUT; /* the host's zero-length OUT closes the transfer */
            if ((reg_read(OTG_FS_DOEPCTL(0)) & OTG_FS_DEPCTL_EPENA) == 0u) {
                ep0_out_arm(1);
            }
        }
    } else if (usb.ep0_stage == EP0_STATUS_IN) {
        usb.ep0_stage = EP0_IDLE;
    }
}

/* ---- interrupt side: dispatch ---- */

static int in_endpoint_events(void) {
    uint32_t all = reg_read(OTG_FS_DAINT) & reg_read(OTG_FS_DAINTMSK);
    int wake = 0;
    if ((all & OTG_FS_DAINT_IEP(0)) != 0u) {
        ep0_in_events();
    }
    for (uint32_t n = 1; n < OTG_FS_ENDPOINTS; n++) {
        if ((all & OTG_FS_DAINT_IEP(n)) != 0u) {
            uint32_t flags = reg_read(OTG_FS_DIEPINT(n));
            reg_write(OTG_FS_DIEPINT(n), flags);
            if ((flags & OTG_FS_DIEPINT_XFRC) != 0u) {
                usb.ep_busy &= (uint8_t)~(1u << n); /* the host took the packet */
                wake = 1;
            }
        }
    }
    return wake;
}

void OTG_FS_IRQHandler(void) {
    uint32_t pending = reg_read(OTG_FS_GINTSTS) & reg_read(OTG_FS_GINTMSK);
    int wake = 0;
    if ((pending & OTG_FS_GINTSTS_USBRST) != 0u) {
        reg_write(OTG_FS_GINTSTS, OTG_FS_GINTSTS_USBRST);
        on_bus_reset();
        wake = 1;
    }
    if ((pending & OTG_FS_GINTSTS_ENUMDNE) != 0u) {
        reg_write(OTG_FS_GINTSTS, OTG_FS_GINTSTS_ENUMDNE);
        on_enumeration_done();
    }
    if ((pending & OTG_FS_GINTSTS_USBSUSP) != 0u) {
        reg_write(OTG_FS_GINTSTS, OTG_FS_GINTSTS_USBSUSP);
        usb.suspended = 1;
        wake = 1;
    }
    if ((pending & OTG_FS_GINTSTS_WKUPINT) != 0u) {
        reg_write(OTG_FS_GINTSTS, OTG_FS_GINTSTS_WKUPINT);
        usb.suspended = 0;
        wake = 1;
    }
    /* The RX FIFO before the OUT endpoint flags: a SETUP's bytes are read before its STUP. */
    for (uint32_t i = 0; i < FIFO_RX_WORDS && (reg_read(OTG_FS_GINTSTS) & OTG_FS_GINTSTS_RXFLVL) != 0u; i++) {
        rx_fifo_pop();
    }
    if ((pending & OTG_FS_GINTSTS_OEPINT) != 0u
            && (reg_read(OTG_FS_DAINT) & OTG_FS_DAINT_OEP(0)) != 0u) {
        wake |= ep0_out_events();
    }
    if ((pending & OTG_FS_GINTSTS_IEPINT) != 0u) {
        wake |= in_endpoint_events();
    }
    if (wake) {
        events_wake_main_loop();
    }
}

/* ---- main-loop side ---- */

int usb_device_poll_bus_reset(void) {
    uint32_t primask = irq_save();
    int was = usb.bus_reset;
    usb.bus_reset = 0;
    irq_restore(primask);
    return was;
}

int usb_device_poll_setup(uint8_t setup[USB_DEVICE_SETUP_LENGTH]) {
    uint32_t primask = irq_save();
    int pending = usb.setup_pending;
    if (pending) {
        for (uint32_t i = 0; i < USB_DEVICE_SETUP_LENGTH; i++) {
            setup[i] = usb.setup[i];
        }
        usb.setup_pending = 0;
    }
    irq_restore(primask);
    return pending;
}

int usb_device_control_out(uint8_t *dst, uint32_t max) {
    uint32_t primask = irq_save();
    int n = usb.out_length;
    if (n >= 0) {
        if ((uint32_t)n > max) {
            n = (int)max;
        }
        for (int i = 0; i < n; i++) {
            dst[i] = usb.out_stage[i];
        }
    }
    irq_restore(primask);
    return n;
}

/* An answer belongs to the request last polled; one that a newer SETUP overtook is dropped. */
static int answerable(void) {
    return !usb.setup_pending && usb.ep0_stage == EP0_REQUEST;
}

void usb_device_control_in(const uint8_t *data, uint32_t len) {
    uint32_t primask = irq_save();
    if (answerable()) {
        if (usb.w_length == 0u) {
            ep0_status_in(); /* no data stage was asked for */
        } else {
            uint32_t n = len < usb.w_length ? len : usb.w_length;
            if (n > USB_DEVICE_MAX_CONTROL_IN) {
                n = USB_DEVICE_MAX_CONTROL_IN;
            }
            for (uint32_t i = 0; i < n; i++) {
                usb.in_stage[i] = data[i];
            }
            usb.in_length = (uint16_t)n;
            usb.in_sent = 0;
            /* USB 2.0 §5.5.3: the host ends the data stage at wLength bytes or at a short packet;
             * a reply shorter than wLength that fills its last packet needs a zero-length one. */
            usb.in_zlp_due = (uint8_t)(n < usb.w_length && n % USB_DEVICE_EP0_MAX_PACKET == 0u);
            usb.ep0_stage = EP0_DATA_IN;
            ep0_in_next_packet();
            /* EP0 OUT ready from the start: a host may end the data stage early with its status
             * OUT (USB 2.0 §8.5.3.2), which would otherwise be NAKed until it gave up. */
            ep0_out_arm(1);
        }
    }
    irq_restore(primask);
}

void usb_device_control_ack(void) {
    uint32_t primask = irq_save();
    if (answerable()) {
        usb.out_length = -1;
        ep0_status_in();
    }
    irq_restore(primask);
}

void usb_device_control_stall(void) {
    uint32_t primask = irq_save();
    if (answerable() || (!usb.setup_pending && usb.ep0_stage == EP0_DATA_OUT)) {
        usb.out_length = -1;
        usb.ep0_stage = EP0_STALLED;
        reg_set(OTG_FS_DIEPCTL(0), OTG_FS_DEPCTL_STALL);
        reg_set(OTG_FS_DOEPCTL(0), OTG_FS_DEPCTL_STALL);
    }
    irq_restore(primask);
}

void usb_device_set_address(uint32_t address) {
    uint32_t primask = irq_save();
    reg_modify(OTG_FS_DCFG, OTG_FS_DCFG_DAD_MASK, (address & 0x7Fu) << OTG_FS_DCFG_DAD_SHIFT);
    irq_restore(primask);
}

/* RM0368 §22.17, endpoint initialization on SetConfiguration / endpoint activation. */
int usb_device_open_interrupt_in(uint32_t endpoint, uint32_t max_packet) {
    if (endpoint < 1u || endpoint > USB_DEVICE_LAST_ENDPOINT || max_packet < 1u
            || max_packet > USB_DEVICE_MAX_INTERRUPT_PACKET) {
        return -1;
    }
    uint32_t primask = irq_save();
    if ((usb.ep_open & (1u << endpoint)) != 0u) {
        interrupt_in_close(endpoint);
    }
    reg_write(OTG_FS_DIEPCTL(endpoint), max_packet | OTG_FS_DEPCTL_USBAEP
            | (OTG_FS_EPTYP_INTERRUPT << OTG_FS_DEPCTL_EPTYP_SHIFT)
            | (endpoint << OTG_FS_DIEPCTL_TXFNUM_SHIFT) | OTG_FS_DEPCTL_SD0PID | OTG_FS_DEPCTL_SNAK);
    reg_set(OTG_FS_DAINTMSK, OTG_FS_DAINT_IEP(endpoint));
    usb.ep_max_packet[endpoint] = (uint16_t)max_packet;
    usb.ep_open |= (uint8_t)(1u << endpoint);
    usb.ep_busy &= (uint8_t)~(1u << endpoint);
    irq_restore(primask);
    return 0;
}

void usb_device_close_endpoints(void) {
    uint32_t primask = irq_save();
    for (uint32_t n = 1; n < OTG_FS_ENDPOINTS; n++) {
        interrupt_in_close(n);
    }
    irq_restore(primask);
}

static int ready(uint32_t endpoint) {
    return endpoint >= 1u && endpoint <= USB_DEVICE_LAST_ENDPOINT && (usb.ep_open & (1u << endpoint)) != 0u
            && (usb.ep_busy & (1u << endpoint)) == 0u;
}

int usb_device_endpoint_ready(uint32_t endpoint) {
    return ready(endpoint);
}

int usb_device_send(uint32_t endpoint, const uint8_t *data, uint32_t len) {
    uint32_t primask = irq_save();
    int sent = ready(endpoint) && len <= usb.ep_max_packet[endpoint];
    if (sent) {
        usb.ep_busy |= (uint8_t)(1u << endpoint);
        reg_write(OTG_FS_DIEPTSIZ(endpoint), OTG_FS_DEPTSIZ_PKTCNT(1) | len);
        reg_set(OTG_FS_DIEPCTL(endpoint), OTG_FS_DEPCTL_EPENA | OTG_FS_DEPCTL_CNAK);
        fifo_write(endpoint, data, len);
    }
    irq_restore(primask);
    return sent;
}

int usb_device_is_suspended(void) {
    return usb.suspended;
}
