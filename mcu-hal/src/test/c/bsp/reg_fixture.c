#include <stdio.h>
#include <stdlib.h>
#include "reg.h"
#include "reg_fixture.h"

/* Addresses the fixture gives meaning to, written out here from RM0368 and PM0214 rather than
 * taken from the headers under test. */
#define RCC_CR 0x40023800u
#define RCC_CFGR 0x40023808u
#define GPIO_FIRST 0x40020000u
#define GPIO_LAST 0x40020BFFu
#define EXTI_PR 0x40013C14u
#define SPI1_SR 0x40013008u
#define ADC_SR 0x40012000u
#define ADC_CR2 0x40012008u
#define NVIC_ISER_FIRST 0xE000E100u
#define NVIC_ISER_LAST 0xE000E11Cu
#define SCB_AIRCR 0xE000ED0Cu
#define FLASH_KEYR 0x40023C04u
#define FLASH_CR 0x40023C10u
#define FLASH_CR_PG 0x1u
#define FLASH_CR_LOCK 0x80000000u
#define FLASH_FIRST 0x08000000u
#define FLASH_LAST 0x0803FFFFu
/* A driver that reads one address this many times in a row, with nothing else in between,
 * waits without a bound. */
#define HANG_READS 5000000u

int fixture_hse_dead;
int fixture_adc_dead;
int fixture_log;

#define SLOTS 4096u
static uint32_t addresses[SLOTS];
static uint32_t values[SLOTS];
static uint8_t used[SLOTS];
static uint32_t last_read_address;
static uint32_t same_reads;
static int adc_converting;
static int flash_keys_seen;
static int flash_cr_reset_done;

static uint32_t *slot(uint32_t address, int create) {
    uint32_t i = (address * 2654435761u) % SLOTS;
    while (used[i] && addresses[i] != address) {
        i = (i + 1u) % SLOTS;
    }
    if (!used[i]) {
        if (!create) {
            return NULL;
        }
        used[i] = 1;
        addresses[i] = address;
        values[i] = address >= FLASH_FIRST && address <= FLASH_LAST ? 0xFFFFFFFFu : 0u;
    }
    return &values[i];
}

void fixture_set(uint32_t address, uint32_t value) {
    *slot(address, 1) = value;
}

uint32_t fixture_get(uint32_t address) {
    if (address == FLASH_CR && !flash_cr_reset_done) {
        flash_cr_reset_done = 1;
        fixture_set(FLASH_CR, FLASH_CR_LOCK); /* the reset value: locked */
    }
    uint32_t *v = slot(address, 0);
    if (v != NULL) {
        return *v;
    }
    return address >= FLASH_FIRST && address <= FLASH_LAST ? 0xFFFFFFFFu : 0u;
}

static uint32_t gpio_idr(uint32_t port_base) {
    uint32_t moder = fixture_get(port_base), pupdr = fixture_get(port_base + 0x0Cu);
    uint32_t odr = fixture_get(port_base + 0x14u), idr = 0u;
    for (uint32_t n = 0; n < 16u; n++) {
        uint32_t mode = (moder >> (2u * n)) & 3u, pull = (pupdr >> (2u * n)) & 3u;
        uint32_t level = mode == 1u ? (odr >> n) & 1u : pull == 1u ? 1u : 0u;
        idr |= level << n;
    }
    return idr;
}

uint32_t reg_read(uint32_t address) {
    if (address == last_read_address) {
        if (++same_reads >= HANG_READS) {
            printf("HANG 0x%08X\n", address);
            exit(3);
        }
    } else {
        last_read_address = address;
        same_reads = 0u;
    }
    uint32_t value = fixture_get(address);
    if (address == RCC_CR) {
        value |= 0x2u; /* HSIRDY */
        if ((value & (1u << 16)) != 0u && !fixture_hse_dead) {
            value |= 1u << 17;
        }
        if ((value & (1u << 24)) != 0u) {
            value |= 1u << 25;
        }
    } else if (address == RCC_CFGR) {
        value = (value & ~0xCu) | ((value & 3u) << 2);
    } else if (address == SPI1_SR) {
        value = 0x3u; /* TXE, RXNE, never BSY */
    } else if (address == ADC_SR && adc_converting && !fixture_adc_dead) {
        value |= 0x2u;
    } else if (address >= GPIO_FIRST && address <= GPIO_LAST && (address & 0x3FFu) == 0x10u) {
        value = gpio_idr(address & ~0x3FFu);
    }
    if (fixture_log) {
        printf("R 0x%08X 0x%08X\n", address, value);
    }
    return value;
}

void reg_write(uint32_t address, uint32_t value) {
    last_read_address = 0u;
    if (fixture_log) {
        printf("W 0x%08X 0x%08X\n", address, value);
    }
    if (address == EXTI_PR) {
        fixture_set(address, fixture_get(address) & ~value);
    } else if (address >= NVIC_ISER_FIRST && address <= NVIC_ISER_LAST) {
        fixture_set(address, fixture_get(address) | value);
    } else if (address >= GPIO_FIRST && address <= GPIO_LAST && (address & 0x3FFu) == 0x18u) {
        uint32_t odr = address - 0x18u + 0x14u;
        fixture_set(odr, (fixture_get(odr) | (value & 0xFFFFu)) & ~(value >> 16));
    } else if (address == SCB_AIRCR && (value >> 16) == 0x05FAu && (value & 4u) != 0u) {
        printf("RESET\n");
        exit(0);
    } else if (address >= FLASH_FIRST && address <= FLASH_LAST) {
        uint32_t cr = fixture_get(FLASH_CR);
        if ((cr & FLASH_CR_PG) != 0u && (cr & FLASH_CR_LOCK) == 0u) {
            fixture_set(address, fixture_get(address) & value); /* programming only clears bits */
        }
    } else if (address == FLASH_KEYR) {
        /* KEY1 then KEY2 unlocks FLASH_CR */
        flash_keys_seen = value == 0x45670123u ? 1 : flash_keys_seen == 1 && value == 0xCDEF89ABu ? 2 : 0;
        if (flash_keys_seen == 2) {
            fixture_set(FLASH_CR, fixture_get(FLASH_CR) & ~FLASH_CR_LOCK);
        }
    } else if (address == FLASH_CR) {
        uint32_t locked = fixture_get(FLASH_CR) & FLASH_CR_LOCK;
        fixture_set(FLASH_CR, locked ? (fixture_get(FLASH_CR) | (value & FLASH_CR_LOCK)) : value);
    } else {
        if (address == ADC_CR2 && (value & (1u << 30)) != 0u) {
            adc_converting = 1;
        }
        fixture_set(address, value);
    }
}

static uint32_t primask;

uint32_t irq_save(void) {
    uint32_t previous = primask;
    primask = 1u;
    return previous;
}

void irq_restore(uint32_t previous) {
    primask = previous;
}

void fixture_dump(void) {
    for (uint32_t i = 0; i < SLOTS; i++) {
        if (used[i]) {
            printf("REG 0x%08X 0x%08X\n", addresses[i], values[i]);
        }
    }
}
