/*
 * TEST FIXTURE, not a register model: reg_read/reg_write (reg.h, host build) over an array of
 * registers, so the OTG_FS driver's sequences can be checked on the host without the
 * simulator. It answers just enough like the core for the driver to proceed: self-clearing
 * reset and flush bits, write-1-to-clear interrupt registers, DAINT and GINTSTS.IEPINT/OEPINT/
 * RXFLVL derived from what is pending, queued RX FIFO entries, TX FIFO pushes recorded per
 * endpoint, SNAK/EPDIS acknowledged at once. The register-level model of the core is the
 * simulator's (written from RM0368 separately); this file only feeds the unit tests.
 */
#ifndef SKVM_TEST_REG_FIXTURE_H
#define SKVM_TEST_REG_FIXTURE_H

#include <stdint.h>

void fixture_reset(void);

/* The last value written to (or set by the fixture for) a register, and every bit ever written. */
uint32_t fixture_value(uint32_t address);
uint32_t fixture_written_bits(uint32_t address);
/* Sets a register as the core would (no write side effects). */
void fixture_set(uint32_t address, uint32_t value);

/* Queues one RX FIFO entry: its GRXSTSP status word and data (len bytes). */
void fixture_rx_push(uint32_t endpoint, uint32_t pktsts, const uint8_t *data, uint32_t len);

/* Words pushed into IN endpoint n's TX FIFO since the last fixture_tx_clear, as bytes. */
uint32_t fixture_tx_words(uint32_t endpoint);
uint8_t fixture_tx_byte(uint32_t endpoint, uint32_t index);
void fixture_tx_clear(void);

/* How many times the driver woke the main loop. */
extern int fixture_wakes;
/* irq_save depth now (0 when every save was restored). */
extern int fixture_irq_depth;

#endif
