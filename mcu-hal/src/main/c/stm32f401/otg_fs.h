/*
 * The STM32F401's USB on-the-go full-speed core (OTG_FS), device-mode view, as RM0368 §22.16
 * lays it out: global CSRs (§22.16.1 map, §22.16.2), device CSRs (§22.16.4), the IN and OUT
 * endpoint registers, power and clock gating, and the data FIFO windows. Register addresses
 * for reg_read/reg_write (reg.h), then each register's fields as [bit range] mask/shift with a
 * one-line meaning, in the manual's order and names. Host-mode registers are left out.
 *
 * The F401's core has 4 bidirectional endpoints (EP0..EP3), 4 TX FIFOs and 1.25 KB
 * (320 words) of FIFO RAM shared by the RX FIFO and the TX FIFOs (§22.3).
 */
#ifndef SKVM_STM32F401_OTG_FS_H
#define SKVM_STM32F401_OTG_FS_H

#include <stdint.h>

#define OTG_FS_BASE                 0x50000000u
#define OTG_FS_ENDPOINTS            4u
#define OTG_FS_FIFO_RAM_WORDS       320u

/* ---- Core global control and status registers (§22.16.2) ---- */

#define OTG_FS_GOTGCTL              (OTG_FS_BASE + 0x000u) /* OTG control and status */
#define OTG_FS_GOTGCTL_BSVLD        (1u << 19)  /* [19] B-session valid (VBUS seen, or forced by NOVBUSSENS) */

#define OTG_FS_GOTGINT              (OTG_FS_BASE + 0x004u) /* OTG interrupt (write 1 to clear) */

#define OTG_FS_GAHBCFG              (OTG_FS_BASE + 0x008u) /* AHB configuration */
#define OTG_FS_GAHBCFG_GINTMSK      (1u << 0)   /* [0] global interrupt mask: 1 lets the core raise its IRQ */
#define OTG_FS_GAHBCFG_TXFELVL      (1u << 7)   /* [7] TXFE interrupt when an IN TX FIFO is completely (1) or half (0) empty */

#define OTG_FS_GUSBCFG              (OTG_FS_BASE + 0x00Cu) /* USB configuration */
#define OTG_FS_GUSBCFG_TOCAL_MASK   (7u << 0)   /* [2:0] FS timeout calibration, in PHY clocks */
#define OTG_FS_GUSBCFG_PHYSEL       (1u << 6)   /* [6] full-speed serial transceiver select (always 1 on the F401) */
#define OTG_FS_GUSBCFG_SRPCAP       (1u << 8)   /* [8] session request protocol capable */
#define OTG_FS_GUSBCFG_HNPCAP       (1u << 9)   /* [9] host negotiation protocol capable */
#define OTG_FS_GUSBCFG_TRDT_SHIFT   10u         /* [13:10] USB turnaround time, in PHY clocks, by AHB frequency */
#define OTG_FS_GUSBCFG_TRDT_MASK    (15u << OTG_FS_GUSBCFG_TRDT_SHIFT)
#define OTG_FS_GUSBCFG_FHMOD        (1u << 29)  /* [29] force host mode */
#define OTG_FS_GUSBCFG_FDMOD        (1u << 30)  /* [30] force device mode; takes effect after at least 25 ms */
#define OTG_FS_GUSBCFG_CTXPKT       (1u << 31)  /* [31] corrupt TX packet (debug only, keep 0) */

#define OTG_FS_GRSTCTL              (OTG_FS_BASE + 0x010u) /* reset */
#define OTG_FS_GRSTCTL_CSRST        (1u << 0)   /* [0] core soft reset; the core clears it when done */
#define OTG_FS_GRSTCTL_HSRST        (1u << 1)   /* [1] HCLK soft reset */
#define OTG_FS_GRSTCTL_FCRST        (1u << 2)   /* [2] host frame counter reset */
#define OTG_FS_GRSTCTL_RXFFLSH      (1u << 4)   /* [4] RX FIFO flush; the core clears it when done */
#define OTG_FS_GRSTCTL_TXFFLSH      (1u << 5)   /* [5] TX FIFO flush of TXFNUM; the core clears it when done */
#define OTG_FS_GRSTCTL_TXFNUM_SHIFT 6u          /* [10:6] TX FIFO to flush: n, or 0x10 for all */
#define OTG_FS_GRSTCTL_TXFNUM_MASK  (31u << OTG_FS_GRSTCTL_TXFNUM_SHIFT)
#define OTG_FS_GRSTCTL_TXFNUM_ALL   (0x10u << OTG_FS_GRSTCTL_TXFNUM_SHIFT)
#define OTG_FS_GRSTCTL_AHBIDL       (1u << 31)  /* [31] AHB master idle: safe to reset */

#define OTG_FS_GINTSTS              (OTG_FS_BASE + 0x014u) /* core interrupt (the rc_w1 bits: write 1 to clear) */
#define OTG_FS_GINTMSK              (OTG_FS_BASE + 0x018u) /* interrupt mask: same bit positions, 1 = enabled */
#define OTG_FS_GINTSTS_CMOD         (1u << 0)   /* [0] current mode: 0 device, 1 host */
#define OTG_FS_GINTSTS_MMIS         (1u << 1)   /* [1] mode mismatch (a register of the other mode was accessed) */
#define OTG_FS_GINTSTS_OTGINT       (1u << 2)   /* [2] OTG interrupt (see GOTGINT) */
#define OTG_FS_GINTSTS_SOF          (1u << 3)   /* [3] start of frame */
#define OTG_FS_GINTSTS_RXFLVL       (1u << 4)   /* [4] RX FIFO non-empty (cleared by popping GRXSTSP) */
#define OTG_FS_GINTSTS_GINAKEFF     (1u << 6)   /* [6] global IN non-periodic NAK effective */
#define OTG_FS_GINTSTS_GONAKEFF     (1u << 7)   /* [7] global OUT NAK effective */
#define OTG_FS_GINTSTS_ESUSP        (1u << 10)  /* [10] early suspend (3 ms of idle bus started) */
#define OTG_FS_GINTSTS_USBSUSP      (1u << 11)  /* [11] USB suspend: no activity for 3 ms */
#define OTG_FS_GINTSTS_USBRST       (1u << 12)  /* [12] USB reset on the bus */
#define OTG_FS_GINTSTS_ENUMDNE      (1u << 13)  /* [13] enumeration (speed detection) done */
#define OTG_FS_GINTSTS_ISOODRP      (1u << 14)  /* [14] isochronous OUT packet dropped */
#define OTG_FS_GINTSTS_EOPF         (1u << 15)  /* [15] end of periodic frame */
#define OTG_FS_GINTSTS_IEPINT       (1u << 18)  /* [18] IN endpoint interrupt (see DAINT, DIEPINTx) */
#define OTG_FS_GINTSTS_OEPINT       (1u << 19)  /* [19] OUT endpoint interrupt (see DAINT, DOEPINTx) */
#define OTG_FS_GINTSTS_IISOIXFR     (1u << 20)  /* [20] incomplete isochronous IN transfer */
#define OTG_FS_GINTSTS_IPXFR        (1u << 21)  /* [21] incomplete periodic (isochronous OUT) transfer */
#define OTG_FS_GINTSTS_SRQINT       (1u << 30)  /* [30] session request / new session detected */
#define OTG_FS_GINTSTS_WKUPINT      (1u << 31)  /* [31] resume / remote wake-up detected */

#define OTG_FS_GRXSTSR              (OTG_FS_BASE + 0x01Cu) /* receive status, read without popping (debug) */
#define OTG_FS_GRXSTSP              (OTG_FS_BASE + 0x020u) /* receive status, read and pop: the packet's data follows in FIFO 0's window */
#define OTG_FS_GRXSTSP_EPNUM_MASK   (15u << 0)  /* [3:0] endpoint the packet belongs to */
#define OTG_FS_GRXSTSP_BCNT_SHIFT   4u          /* [14:4] byte count of the packet */
#define OTG_FS_GRXSTSP_BCNT_MASK    (0x7FFu << OTG_FS_GRXSTSP_BCNT_SHIFT)
#define OTG_FS_GRXSTSP_DPID_SHIFT   15u         /* [16:15] data PID: 00 DATA0, 10 DATA1 */
#define OTG_FS_GRXSTSP_DPID_MASK    (3u << OTG_FS_GRXSTSP_DPID_SHIFT)
#define OTG_FS_GRXSTSP_PKTSTS_SHIFT 17u         /* [20:17] packet status: */
#define OTG_FS_GRXSTSP_PKTSTS_MASK  (15u << OTG_FS_GRXSTSP_PKTSTS_SHIFT)
#define OTG_FS_PKTSTS_GLOBAL_OUT_NAK 1u         /*   global OUT NAK (triggers an interrupt) */
#define OTG_FS_PKTSTS_OUT_DATA      2u          /*   OUT data packet received */
#define OTG_FS_PKTSTS_OUT_DONE      3u          /*   OUT transfer completed (triggers an interrupt) */
#define OTG_FS_PKTSTS_SETUP_DONE    4u          /*   SETUP transaction completed (triggers an interrupt) */
#define OTG_FS_PKTSTS_SETUP_DATA    6u          /*   SETUP data packet received */
#define OTG_FS_GRXSTSP_FRMNUM_SHIFT 21u         /* [24:21] frame number (isochronous OUT only) */

#define OTG_FS_GRXFSIZ              (OTG_FS_BASE + 0x024u) /* RX FIFO size */
#define OTG_FS_GRXFSIZ_RXFD_MASK    0xFFFFu     /* [15:0] RX FIFO depth in words (16 .. 256) */

#define OTG_FS_DIEPTXF0             (OTG_FS_BASE + 0x028u) /* endpoint 0 TX FIFO size (device mode) */
#define OTG_FS_TXF_START_SHIFT      0u          /* [15:0] TX0FSA / INEPTXSA: start address in FIFO RAM, in words */
#define OTG_FS_TXF_DEPTH_SHIFT      16u         /* [31:16] TX0FD / INEPTXFD: depth in words (16 .. 256) */

#define OTG_FS_GCCFG                (OTG_FS_BASE + 0x038u) /* general core configuration */
#define OTG_FS_GCCFG_PWRDWN         (1u << 16)  /* [16] power down deactivated: 1 turns the FS transceiver on */
#define OTG_FS_GCCFG_VBUSASEN       (1u << 18)  /* [18] VBUS sensing for "A" (host) */
#define OTG_FS_GCCFG_VBUSBSEN       (1u << 19)  /* [19] VBUS sensing for "B" (device) on PA9 */
#define OTG_FS_GCCFG_SOFOUTEN       (1u << 20)  /* [20] SOF pulse output on PA8 */
#define OTG_FS_GCCFG_NOVBUSSENS     (1u << 21)  /* [21] VBUS sensing off: VBUS is taken as always valid */

#define OTG_FS_CID                  (OTG_FS_BASE + 0x03Cu) /* core ID (product ID, read/write scratch) */

/* DIEPTXF1..3: TX FIFO size of IN endpoint n, fields as DIEPTXF0 */
#define OTG_FS_DIEPTXF(n)           (OTG_FS_BASE + 0x104u + 4u * ((uint32_t)(n) - 1u))

/* ---- Device-mode control and status registers (§22.16.4) ---- */

#define OTG_FS_DCFG                 (OTG_FS_BASE + 0x800u) /* device configuration */
#define OTG_FS_DCFG_DSPD_MASK       (3u << 0)   /* [1:0] device speed: */
#define OTG_FS_DCFG_DSPD_FULL       (3u << 0)   /*   11 full speed (USB 1.1 transceiver clock 48 MHz) */
#define OTG_FS_DCFG_NZLSOHSK        (1u << 2)   /* [2] non-zero-length status OUT handshake: 1 STALLs it */
#define OTG_FS_DCFG_DAD_SHIFT       4u          /* [10:4] device address */
#define OTG_FS_DCFG_DAD_MASK        (0x7Fu << OTG_FS_DCFG_DAD_SHIFT)
#define OTG_FS_DCFG_PFIVL_SHIFT     11u         /* [12:11] periodic frame interval for EOPF: 00 = 80% */

#define OTG_FS_DCTL                 (OTG_FS_BASE + 0x804u) /* device control */
#define OTG_FS_DCTL_RWUSIG          (1u << 0)   /* [0] remote wake-up signalling */
#define OTG_FS_DCTL_SDIS            (1u << 1)   /* [1] soft disconnect: 1 removes the DP pull-up */
#define OTG_FS_DCTL_GINSTS          (1u << 2)   /* [2] global IN NAK status */
#define OTG_FS_DCTL_GONSTS          (1u << 3)   /* [3] global OUT NAK status */
#define OTG_FS_DCTL_TCTL_SHIFT      4u          /* [6:4] test control (0: test mode off) */
#define OTG_FS_DCTL_SGINAK          (1u << 7)   /* [7] set global IN NAK */
#define OTG_FS_DCTL_CGINAK          (1u << 8)   /* [8] clear global IN NAK */
#define OTG_FS_DCTL_SGONAK          (1u << 9)   /* [9] set global OUT NAK */
#define OTG_FS_DCTL_CGONAK          (1u << 10)  /* [10] clear global OUT NAK */
#define OTG_FS_DCTL_POPRGDNE        (1u << 11)  /* [11] power-on programming done */

#define OTG_FS_DSTS                 (OTG_FS_BASE + 0x808u) /* device status */
#define OTG_FS_DSTS_SUSPSTS         (1u << 0)   /* [0] suspend status */
#define OTG_FS_DSTS_ENUMSPD_SHIFT   1u          /* [2:1] enumerated speed: */
#define OTG_FS_DSTS_ENUMSPD_MASK    (3u << OTG_FS_DSTS_ENUMSPD_SHIFT)
#define OTG_FS_ENUMSPD_FULL         3u          /*   11 full speed (PHY clock 48 MHz); other values reserved */
#define OTG_FS_DSTS_EERR            (1u << 3)   /* [3] erratic error */
#define OTG_FS_DSTS_FNSOF_SHIFT     8u          /* [21:8] frame number of the last SOF */

#define OTG_FS_DIEPMSK              (OTG_FS_BASE + 0x810u) /* IN endpoint common interrupt mask */
#define OTG_FS_DIEPMSK_XFRCM        (1u << 0)   /* [0] transfer completed */
#define OTG_FS_DIEPMSK_EPDM         (1u << 1)   /* [1] endpoint disabled */
#define OTG_FS_DIEPMSK_TOM          (1u << 3)   /* [3] timeout (control IN endpoints) */

#define OTG_FS_DOEPMSK              (OTG_FS_BASE + 0x814u) /* OUT endpoint common interrupt mask */
#define OTG_FS_DOEPMSK_XFRCM        (1u << 0)   /* [0] transfer completed */
#define OTG_FS_DOEPMSK_EPDM         (1u << 1)   /* [1] endpoint disabled */
#define OTG_FS_DOEPMSK_STUPM        (1u << 3)   /* [3] SETUP phase done */
#define OTG_FS_DOEPMSK_OTEPDM       (1u << 4)   /* [4] OUT token received when endpoint disabled */

#define OTG_FS_DAINT                (OTG_FS_BASE + 0x818u) /* all endpoints interrupt */
#define OTG_FS_DAINTMSK             (OTG_FS_BASE + 0x81Cu) /* all endpoints interrupt mask */
#define OTG_FS_DAINT_IEP(n)         (1u << (n))         /* [15:0] IN endpoint n */
#define OTG_FS_DAINT_OEP(n)         (1u << (16u + (n))) /* [31:16] OUT endpoint n */

#define OTG_FS_DVBUSDIS             (OTG_FS_BASE + 0x828u) /* VBUS discharge time */
#define OTG_FS_DVBUSPULSE           (OTG_FS_BASE + 0x82Cu) /* VBUS pulsing time */
#define OTG_FS_DIEPEMPMSK           (OTG_FS_BASE + 0x834u) /* IN endpoint FIFO empty interrupt mask */

/* ---- IN endpoint n registers, n = 0..3, 0x20 apart (§22.16.4) ---- */

#define OTG_FS_DIEPCTL(n)           (OTG_FS_BASE + 0x900u + 0x20u * (uint32_t)(n)) /* IN endpoint control */
#define OTG_FS_DIEPCTL0_MPSIZ_MASK  (3u << 0)   /* [1:0] EP0 max packet size: */
#define OTG_FS_DIEPCTL0_MPSIZ_64    (0u << 0)   /*   00 64 bytes (01 32, 10 16, 11 8) */
#define OTG_FS_DIEPCTL0_MPSIZ_8     (3u << 0)
#define OTG_FS_DIEPCTL_MPSIZ_MASK   0x7FFu      /* [10:0] max packet size of EP1..3, in bytes */
#define OTG_FS_DEPCTL_USBAEP        (1u << 15)  /* [15] USB active endpoint (EP0: always 1) */
#define OTG_FS_DEPCTL_DPID          (1u << 16)  /* [16] data PID of the next packet (interrupt/bulk): 0 DATA0 */
#define OTG_FS_DEPCTL_NAKSTS        (1u << 17)  /* [17] NAK status: the core is answering NAK */
#define OTG_FS_DEPCTL_EPTYP_SHIFT   18u         /* [19:18] endpoint type: */
#define OTG_FS_DEPCTL_EPTYP_MASK    (3u << OTG_FS_DEPCTL_EPTYP_SHIFT)
#define OTG_FS_EPTYP_CONTROL        0u          /*   00 control */
#define OTG_FS_EPTYP_INTERRUPT      3u          /*   11 interrupt */
#define OTG_FS_DEPCTL_STALL         (1u << 21)  /* [21] STALL handshake; on EP0 the core clears it on the next SETUP */
#define OTG_FS_DIEPCTL_TXFNUM_SHIFT 22u         /* [25:22] TX FIFO number of this IN endpoint */
#define OTG_FS_DIEPCTL_TXFNUM_MASK  (15u << OTG_FS_DIEPCTL_TXFNUM_SHIFT)
#define OTG_FS_DEPCTL_CNAK          (1u << 26)  /* [26] clear NAK */
#define OTG_FS_DEPCTL_SNAK          (1u << 27)  /* [27] set NAK */
#define OTG_FS_DEPCTL_SD0PID        (1u << 28)  /* [28] set DATA0 PID (interrupt/bulk endpoints) */
#define OTG_FS_DEPCTL_SD1PID        (1u << 29)  /* [29] set DATA1 PID */
#define OTG_FS_DEPCTL_EPDIS         (1u << 30)  /* [30] endpoint disable (only while EPENA is set) */
#define OTG_FS_DEPCTL_EPENA         (1u << 31)  /* [31] endpoint enable: start the programmed transfer */

#define OTG_FS_DIEPINT(n)           (OTG_FS_BASE + 0x908u + 0x20u * (uint32_t)(n)) /* IN endpoint interrupt (write 1 to clear) */
#define OTG_FS_DIEPINT_XFRC         (1u << 0)   /* [0] transfer completed: the host took the transfer's last packet */
#define OTG_FS_DIEPINT_EPDISD       (1u << 1)   /* [1] endpoint disabled at the application's request */
#define OTG_FS_DIEPINT_TOC          (1u << 3)   /* [3] timeout condition (control IN) */
#define OTG_FS_DIEPINT_ITTXFE       (1u << 4)   /* [4] IN token received when TX FIFO is empty */
#define OTG_FS_DIEPINT_INEPNE       (1u << 6)   /* [6] IN endpoint NAK effective */
#define OTG_FS_DIEPINT_TXFE         (1u << 7)   /* [7] TX FIFO empty (read only) */

#define OTG_FS_DIEPTSIZ(n)          (OTG_FS_BASE + 0x910u + 0x20u * (uint32_t)(n)) /* IN endpoint transfer size */
#define OTG_FS_DIEPTSIZ0_XFRSIZ_MASK 0x7Fu      /* [6:0] EP0 transfer size in bytes */
#define OTG_FS_DIEPTSIZ0_PKTCNT_MASK (3u << 19) /* [20:19] EP0 packet count */
#define OTG_FS_DEPTSIZ_XFRSIZ_MASK  0x7FFFFu    /* [18:0] EP1..3 transfer size in bytes */
#define OTG_FS_DEPTSIZ_PKTCNT_SHIFT 19u         /* [28:19] EP1..3 packet count ([20:19] on EP0) */
#define OTG_FS_DEPTSIZ_PKTCNT(n)    ((uint32_t)(n) << OTG_FS_DEPTSIZ_PKTCNT_SHIFT)
#define OTG_FS_DIEPTSIZ_MCNT_SHIFT  29u         /* [30:29] multi count (isochronous/interrupt packets per frame) */

#define OTG_FS_DTXFSTS(n)           (OTG_FS_BASE + 0x918u + 0x20u * (uint32_t)(n)) /* IN endpoint TX FIFO status */
#define OTG_FS_DTXFSTS_INEPTFSAV_MASK 0xFFFFu   /* [15:0] free space of the TX FIFO, in words */

/* ---- OUT endpoint n registers, n = 0..3, 0x20 apart (§22.16.4); control bits as DIEPCTL ---- */

#define OTG_FS_DOEPCTL(n)           (OTG_FS_BASE + 0xB00u + 0x20u * (uint32_t)(n)) /* OUT endpoint control */
#define OTG_FS_DOEPCTL_SNPM         (1u << 20)  /* [20] snoop mode: no CRC check of received data */

#define OTG_FS_DOEPINT(n)           (OTG_FS_BASE + 0xB08u + 0x20u * (uint32_t)(n)) /* OUT endpoint interrupt (write 1 to clear) */
#define OTG_FS_DOEPINT_XFRC         (1u << 0)   /* [0] transfer completed */
#define OTG_FS_DOEPINT_EPDISD       (1u << 1)   /* [1] endpoint disabled */
#define OTG_FS_DOEPINT_STUP         (1u << 3)   /* [3] SETUP phase done: the last SETUP packet may be decoded */
#define OTG_FS_DOEPINT_OTEPDIS      (1u << 4)   /* [4] OUT token received when endpoint disabled */
#define OTG_FS_DOEPINT_B2BSTUP      (1u << 6)   /* [6] more than 3 back-to-back SETUP packets received */

#define OTG_FS_DOEPTSIZ(n)          (OTG_FS_BASE + 0xB10u + 0x20u * (uint32_t)(n)) /* OUT endpoint transfer size */
#define OTG_FS_DOEPTSIZ0_XFRSIZ_MASK 0x7Fu      /* [6:0] EP0 transfer size in bytes */
#define OTG_FS_DOEPTSIZ0_PKTCNT     (1u << 19)  /* [19] EP0 packet count (one bit) */
#define OTG_FS_DOEPTSIZ0_STUPCNT_SHIFT 29u      /* [30:29] SETUP packets EP0 may take back to back: 1..3 */
#define OTG_FS_DOEPTSIZ0_STUPCNT_MASK (3u << OTG_FS_DOEPTSIZ0_STUPCNT_SHIFT)

/* ---- Power and clock gating (§22.16.5) ---- */

#define OTG_FS_PCGCCTL              (OTG_FS_BASE + 0xE00u) /* power and clock gating control */
#define OTG_FS_PCGCCTL_STPPCLK      (1u << 0)   /* [0] stop PHY clock (while suspended) */
#define OTG_FS_PCGCCTL_GATEHCLK     (1u << 1)   /* [1] gate HCLK (while suspended) */
#define OTG_FS_PCGCCTL_PHYSUSP      (1u << 4)   /* [4] PHY suspended (read only) */

/* ---- Data FIFO windows (§22.16.1): 4 KB each; any word address inside pushes (write) to IN
 * endpoint n's TX FIFO, and, for n = 0, pops (read) the RX FIFO. ---- */

#define OTG_FS_FIFO(n)              (OTG_FS_BASE + 0x1000u + 0x1000u * (uint32_t)(n))

/* ---- Around the core: its clock, pins and interrupt ----
 * RCC_AHB2ENR (RM0368 §6.3.10) gates the core's AHB clock; the 48 MHz PHY clock comes from the
 * PLL's Q output (§6.2). DM/DP are PA11/PA12 in alternate function 10 (datasheet DS9716,
 * Table 9); the core's global interrupt is position 67 of the vector table (RM0368 Table 38). */

#define RCC_AHB2ENR_ADDRESS         0x40023834u
#define RCC_AHB2ENR_OTGFSEN         (1u << 7)
#define RCC_AHB1ENR_ADDRESS         0x40023830u
#define RCC_AHB1ENR_GPIOAEN         (1u << 0)
#define OTG_FS_PORT_MODER           0x40020000u /* GPIOA_MODER (§8.4.1): 2 bits per pin, 10 = alternate function */
#define OTG_FS_PORT_OSPEEDR         0x40020008u /* GPIOA_OSPEEDR (§8.4.3): 2 bits per pin, 11 = very high */
#define OTG_FS_PORT_AFRH            0x40020024u /* GPIOA_AFRH (§8.4.10): 4 bits per pin 8..15 */
#define OTG_FS_PIN_DM               11u
#define OTG_FS_PIN_DP               12u
#define OTG_FS_GPIO_AF              10u
#define OTG_FS_IRQ                  67u

#endif
