/* TEST FIXTURE: see reg_fixture.h. */
#include <string.h>
#include "reg.h"
#include "stm32f401/otg_fs.h"
#include "reg_fixture.h"

#define CORE_WORDS (0x1000u / 4u)
#define OTHER_REGISTERS 32
#define RX_ENTRIES 16
#define RX_WORDS 64
#define TX_WORDS 128

static uint32_t core[CORE_WORDS];
static uint32_t core_written[CORE_WORDS];
static struct {
    uint32_t address, value, written;
} other[OTHER_REGISTERS];
static int others;

static uint32_t rx_status[RX_ENTRIES];
static int rx_head, rx_tail;
static uint32_t rx_data[RX_WORDS];
static int rx_data_head, rx_data_tail;

static uint32_t tx[OTG_FS_ENDPOINTS][TX_WORDS];
static uint32_t tx_count[OTG_FS_ENDPOINTS];

int fixture_wakes;
int fixture_irq_depth;

void fixture_reset(void) {
    memset(core, 0, sizeof core);
    memset(core_written, 0, sizeof core_written);
    memset(other, 0, sizeof other);
    others = 0;
    rx_head = rx_tail = rx_data_head = rx_data_tail = 0;
    fixture_tx_clear();
    fixture_wakes = 0;
    fixture_irq_depth = 0;
    core[(OTG_FS_GRSTCTL - OTG_FS_BASE) / 4u] = OTG_FS_GRSTCTL_AHBIDL;
}

static int in_core(uint32_t address) {
    return address >= OTG_FS_BASE && address < OTG_FS_BASE + 0x1000u;
}

static uint32_t *slot(uint32_t address, uint32_t **written) {
    if (in_core(address)) {
        *written = &core_written[(address - OTG_FS_BASE) / 4u];
        return &core[(address - OTG_FS_BASE) / 4u];
    }
    for (int i = 0; i < others; i++) {
        if (other[i].address == address) {
            *written = &other[i].written;
            return &other[i].value;
        }
    }
    other[others].address = address;
    *written = &other[others].written;
    return &other[others++].value;
}

uint32_t fixture_value(uint32_t address) {
    uint32_t *written;
    return *slot(address, &written);
}

uint32_t fixture_written_bits(uint32_t address) {
    uint32_t *written;
    slot(address, &written);
    return *written;
}

void fixture_set(uint32_t address, uint32_t value) {
    uint32_t *written;
    *slot(address, &written) = value;
}

void fixture_rx_push(uint32_t endpoint, uint32_t pktsts, const uint8_t *data, uint32_t len) {
    rx_status[rx_tail++] = endpoint | (len << OTG_FS_GRXSTSP_BCNT_SHIFT) | (pktsts << OTG_FS_GRXSTSP_PKTSTS_SHIFT);
    for (uint32_t i = 0; i < len; i += 4u) {
        uint32_t word = 0;
        for (uint32_t b = 0; b < 4u && i + b < len; b++) {
            word |= (uint32_t)data[i + b] << (8u * b);
        }
        rx_data[rx_data_tail++] = word;
    }
}

uint32_t fixture_tx_words(uint32_t endpoint) {
    return tx_count[endpoint];
}

uint8_t fixture_tx_byte(uint32_t endpoint, uint32_t index) {
    return (uint8_t)(tx[endpoint][index / 4u] >> (8u * (index % 4u)));
}

void fixture_tx_clear(void) {
    memset(tx_count, 0, sizeof tx_count);
}

static uint32_t pending_endpoints(void) {
    uint32_t daint = 0;
    for (uint32_t n = 0; n < OTG_FS_ENDPOINTS; n++) {
        if (fixture_value(OTG_FS_DIEPINT(n)) != 0u) {
            daint |= OTG_FS_DAINT_IEP(n);
        }
        if (fixture_value(OTG_FS_DOEPINT(n)) != 0u) {
            daint |= OTG_FS_DAINT_OEP(n);
        }
    }
    return daint;
}

uint32_t reg_read(uint32_t address) {
    if (address == OTG_FS_GRXSTSP) {
        return rx_head < rx_tail ? rx_status[rx_head++] : 0u;
    }
    if (address == OTG_FS_FIFO(0)) {
        return rx_data_head < rx_data_tail ? rx_data[rx_data_head++] : 0u;
    }
    if (address == OTG_FS_DAINT) {
        return pending_endpoints();
    }
    if (address == OTG_FS_GINTSTS) {
        uint32_t daint = pending_endpoints();
        return fixture_value(address) | (rx_head < rx_tail ? OTG_FS_GINTSTS_RXFLVL : 0u)
                | ((daint & 0xFFFFu) != 0u ? OTG_FS_GINTSTS_IEPINT : 0u)
                | ((daint >> 16) != 0u ? OTG_FS_GINTSTS_OEPINT : 0u);
    }
    return fixture_value(address);
}

void reg_write(uint32_t address, uint32_t value) {
    uint32_t *written;
    uint32_t *stored = slot(address, &written);
    *written |= value;
    if (address >= OTG_FS_FIFO(0) && address < OTG_FS_FIFO(OTG_FS_ENDPOINTS)) {
        uint32_t n = (address - OTG_FS_FIFO(0)) / 0x1000u;
        tx[n][tx_count[n]++ % TX_WORDS] = value;
        return;
    }
    if (address == OTG_FS_GRSTCTL) {
        /* reset and flushes finish at once; the AHB master is idle */
        *stored = OTG_FS_GRSTCTL_AHBIDL | (value & OTG_FS_GRSTCTL_TXFNUM_MASK);
        return;
    }
    int write_one_to_clear = address == OTG_FS_GINTSTS;
    for (uint32_t n = 0; n < OTG_FS_ENDPOINTS; n++) {
        write_one_to_clear |= address == OTG_FS_DIEPINT(n) || address == OTG_FS_DOEPINT(n);
    }
    if (write_one_to_clear) {
        *stored &= ~value;
        return;
    }
    *stored = value;
    for (uint32_t n = 0; n < OTG_FS_ENDPOINTS; n++) {
        if (address == OTG_FS_DIEPCTL(n)) {
            if ((value & OTG_FS_DEPCTL_SNAK) != 0u) {
                fixture_set(OTG_FS_DIEPINT(n), fixture_value(OTG_FS_DIEPINT(n)) | OTG_FS_DIEPINT_INEPNE);
            }
            if ((value & OTG_FS_DEPCTL_EPDIS) != 0u) {
                *stored &= ~(OTG_FS_DEPCTL_EPENA | OTG_FS_DEPCTL_EPDIS);
                fixture_set(OTG_FS_DIEPINT(n), fixture_value(OTG_FS_DIEPINT(n)) | OTG_FS_DIEPINT_EPDISD);
            }
        }
    }
}

uint32_t irq_save(void) {
    return (uint32_t)fixture_irq_depth++;
}

void irq_restore(uint32_t primask) {
    fixture_irq_depth = (int)primask;
}

void events_wake_main_loop(void) {
    fixture_wakes++;
}
