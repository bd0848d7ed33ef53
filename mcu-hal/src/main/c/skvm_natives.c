/*
 * C side of org.skvmoip.hal.stm32.Stm32Natives (MicroEJ SNI). Each function is one Java
 * static native method: primitive and primitive-array parameters only; a Java null array
 * arrives as NULL. Nothing here calls into Java; waiting is done by suspending the calling
 * Java thread (SNI_suspendCurrentJavaThread) and resuming it from the interrupt handler.
 *
 * Pins are encoded as port * 16 + pin (port A = 0), as in Stm32F401Board.
 */
#include <stdint.h>
#include <stddef.h>
#include "sni.h"
#include "LLMJVM_impl.h"
#include "stm32f401_regs.h"
#include "drivers/events.h"

#define PIN_PORT(p) ((uint32_t)(p) >> 4)
#define PIN_NUM(p)  ((uint32_t)(p) & 15u)

/* SPI1 pins: PA5 SCK, PA6 MISO, PA7 MOSI (alternate function 5). */
#define SPI1_PORT 0u
/* BR = 1: fPCLK/4 = 21 MHz with an 84 MHz APB2. BR = 0 gives 42 MHz, within the W5500's
 * guaranteed 33.3 MHz only on short, clean traces: measure before changing. */
#define SPI1_BAUD_DIVIDER_BITS 1u

/* The single EXTI waiter: the firmware has one interrupt line (W5500 INTn) and one loop. */
static volatile int32_t waitingThread = -1;
static volatile uint32_t waitingLine = 0xFFu;

/* The main loop's wake-up (Events): any routed interrupt sets it and resumes the loop thread. */
static volatile int eventPending = 0;
static volatile int32_t eventThread = -1;

/* W5500 INTn: PB1 on EXTI1, falling edge (see Stm32F401Board). */
#define W5500_INT_PORT 1u
#define W5500_INT_LINE 1u
/* Front-panel LEDs: PB14 power, PB15 HDD, both edges, so a settled front panel can sleep. */
#define LED_PORT 1u
#define POWER_LED_LINE 14u
#define HDD_LED_LINE 15u

void events_wake_main_loop(void) {
    eventPending = 1;
    if (eventThread >= 0) {
        int32_t thread = eventThread;
        eventThread = -1;
        SNI_resumeJavaThread(thread);
    }
}

static void pin_mode(uint32_t pin, uint32_t mode) {
    uint32_t port = PIN_PORT(pin), n = PIN_NUM(pin);
    GPIO_MODER(port) = (GPIO_MODER(port) & ~(3u << (2u * n))) | (mode << (2u * n));
}

static void pin_write(uint32_t pin, int high) {
    GPIO_BSRR(PIN_PORT(pin)) = high ? (1u << PIN_NUM(pin)) : (1u << (PIN_NUM(pin) + 16u));
}

static int pin_read(uint32_t pin) {
    return (GPIO_IDR(PIN_PORT(pin)) >> PIN_NUM(pin)) & 1u;
}

void Java_org_skvmoip_hal_stm32_Stm32Natives_init(void) {
    RCC_AHB1ENR |= RCC_AHB1ENR_GPIOAEN | RCC_AHB1ENR_GPIOBEN;
    RCC_APB2ENR |= RCC_APB2ENR_SPI1EN | RCC_APB2ENR_SYSCFGEN;

    for (uint32_t n = 5u; n <= 7u; n++) {
        pin_mode(SPI1_PORT * 16u + n, GPIO_MODE_AF);
        GPIO_AFRL(SPI1_PORT) = (GPIO_AFRL(SPI1_PORT) & ~(15u << (4u * n))) | (GPIO_AF5_SPI1 << (4u * n));
        GPIO_OSPEEDR(SPI1_PORT) |= GPIO_SPEED_HIGH << (2u * n);
    }
    /* Master, mode 0 (CPOL = CPHA = 0, as the W5500 requires; mode 3 also works), MSB first,
     * software slave management: chip select is a GPIO the natives drive per frame. */
    SPI1_CR1 = SPI_CR1_MSTR | (SPI1_BAUD_DIVIDER_BITS << SPI_CR1_BR_SHIFT) | SPI_CR1_SSM | SPI_CR1_SSI;
    SPI1_CR1 |= SPI_CR1_SPE;

    /* W5500 INTn wakes the main loop on every falling edge, whoever waits. */
    SYSCFG_EXTICR(W5500_INT_LINE / 4u) = (SYSCFG_EXTICR(W5500_INT_LINE / 4u) & ~(15u << (4u * (W5500_INT_LINE % 4u))))
            | (W5500_INT_PORT << (4u * (W5500_INT_LINE % 4u)));
    EXTI_FTSR |= 1u << W5500_INT_LINE;
    EXTI_PR = 1u << W5500_INT_LINE;
    EXTI_IMR |= 1u << W5500_INT_LINE;
    NVIC_ISER0 = 1u << (IRQ_EXTI0 + W5500_INT_LINE);

    /* Either LED changing wakes the main loop (the front panel samples only while unsettled). */
    uint32_t leds = (1u << POWER_LED_LINE) | (1u << HDD_LED_LINE);
    SYSCFG_EXTICR(3) = (SYSCFG_EXTICR(3) & ~(0xFFu << 8)) | (LED_PORT << 8) | (LED_PORT << 12);
    EXTI_RTSR |= leds;
    EXTI_FTSR |= leds;
    EXTI_PR = leds;
    EXTI_IMR |= leds;
    NVIC_ISER1 = 1u << (IRQ_EXTI15_10 - 32u);
}

void Java_org_skvmoip_hal_stm32_Stm32Natives_spiTransfer(jint csPin, jbyte *tx, jint txOff,
                                                         jbyte *rx, jint rxOff, jint len) {
    pin_write((uint32_t)csPin, 0);
    for (jint i = 0; i < len; i++) {
        while ((SPI1_SR & SPI_SR_TXE) == 0u) {
        }
        SPI1_DR = (uint8_t)tx[txOff + i];
        while ((SPI1_SR & SPI_SR_RXNE) == 0u) {
        }
        uint8_t in = (uint8_t)SPI1_DR;
        if (rx != NULL) {
            rx[rxOff + i] = (jbyte)in;
        }
    }
    while ((SPI1_SR & SPI_SR_BSY) != 0u) {
    }
    pin_write((uint32_t)csPin, 1);
}

void Java_org_skvmoip_hal_stm32_Stm32Natives_gpioWrite(jint pin, jboolean high) {
    uint32_t p = (uint32_t)pin;
    pin_mode(p, GPIO_MODE_OUTPUT);
    pin_write(p, high);
}

jboolean Java_org_skvmoip_hal_stm32_Stm32Natives_gpioRead(jint pin) {
    uint32_t p = (uint32_t)pin;
    uint32_t port = PIN_PORT(p), n = PIN_NUM(p);
    if (((GPIO_MODER(port) >> (2u * n)) & 3u) != GPIO_MODE_OUTPUT) {
        pin_mode(p, GPIO_MODE_INPUT);
        GPIO_PUPDR(port) = (GPIO_PUPDR(port) & ~(3u << (2u * n))) | (GPIO_PULL_UP << (2u * n));
    }
    return (jboolean)pin_read(p);
}

void Java_org_skvmoip_hal_stm32_Stm32Natives_irqSuspendUntil(jint pin, jboolean activeLow, jlong deadlineMillis) {
    uint32_t p = (uint32_t)pin, n = PIN_NUM(p);
    SYSCFG_EXTICR(n / 4u) = (SYSCFG_EXTICR(n / 4u) & ~(15u << (4u * (n % 4u)))) | (PIN_PORT(p) << (4u * (n % 4u)));
    if (activeLow) {
        EXTI_FTSR |= 1u << n;
    } else {
        EXTI_RTSR |= 1u << n;
    }
    waitingLine = n;
    waitingThread = SNI_getCurrentJavaThreadID();
    EXTI_PR = 1u << n;
    EXTI_IMR |= 1u << n;
    NVIC_ISER0 = 1u << (IRQ_EXTI0 + n); /* EXTI0..4 only: the W5500 INTn is on PB1 */

    /* Armed first, then the level checked: an edge before this point is not lost. */
    int active = pin_read(p) == (activeLow ? 0 : 1);
    jlong timeout = deadlineMillis - LLMJVM_IMPL_getCurrentTime(1);
    if (!active && timeout > 0) {
        SNI_suspendCurrentJavaThread(timeout);
    }
}

void Java_org_skvmoip_hal_stm32_Stm32Natives_eventAwait(jlong deadlineMillis) {
    /* Publish the thread first, then look at the flag: an interrupt in between either is seen
     * here or resumes the thread, and a resume that precedes the suspension makes SNI's
     * suspension return at once, so no wake-up is lost. */
    eventThread = SNI_getCurrentJavaThreadID();
    if (eventPending) {
        eventPending = 0;
        eventThread = -1;
        return;
    }
    jlong timeout = deadlineMillis - LLMJVM_IMPL_getCurrentTime(1);
    if (timeout <= 0) {
        eventThread = -1;
        return;
    }
    /* SNI suspends the thread when this native returns. An interrupt during the suspension
     * both resumes it and leaves the flag set: one spurious pass of the loop, nothing lost. */
    SNI_suspendCurrentJavaThread(timeout);
}

jlong Java_org_skvmoip_hal_stm32_Stm32Natives_millis(void) {
    return LLMJVM_IMPL_getCurrentTime(1);
}

/* EXTI1 handler (vector table entry EXTI1_IRQHandler): W5500 INTn fell; wake the main loop and
 * whoever waits on the line itself. The line stays armed for the main loop. */
void EXTI1_IRQHandler(void) {
    EXTI_PR = 1u << 1;
    events_wake_main_loop();
    if (waitingLine == 1u && waitingThread >= 0) {
        int32_t thread = waitingThread;
        waitingThread = -1;
        SNI_resumeJavaThread(thread);
    }
}

/* ---- Config flash (RM0368 §3.5): two 16 KB sectors hold the settings, see Stm32ConfigStore ---- */

void Java_org_skvmoip_hal_stm32_Stm32Natives_flashRead(jint address, jbyte *dst, jint off, jint len) {
    const volatile uint8_t *src = (const volatile uint8_t *)(uintptr_t)(uint32_t)address;
    for (jint i = 0; i < len; i++) {
        dst[off + i] = (jbyte)src[i];
    }
}

static void flash_unlock(void) {
    if ((FLASH_CR & FLASH_CR_LOCK) != 0u) {
        FLASH_KEYR = FLASH_KEY1;
        FLASH_KEYR = FLASH_KEY2;
    }
}

/* Waits out BSY; returns 1 when no error flag is set (the error flags are cleared by writing 1). */
static int flash_wait_ok(void) {
    while ((FLASH_SR & FLASH_SR_BSY) != 0u) {
    }
    uint32_t errors = FLASH_SR & FLASH_SR_ERRORS;
    FLASH_SR = errors | FLASH_SR_EOP;
    return errors == 0u;
}

jboolean Java_org_skvmoip_hal_stm32_Stm32Natives_flashEraseSector(jint sector) {
    if (sector < 0 || (uint32_t)sector >= FLASH_SECTOR_COUNT) {
        return 0;
    }
    flash_unlock();
    flash_wait_ok();
    FLASH_CR = (FLASH_CR & ~(FLASH_CR_SNB_MASK | FLASH_CR_PSIZE_MASK | FLASH_CR_PG))
            | FLASH_CR_SER | ((uint32_t)sector << FLASH_CR_SNB_SHIFT);
    FLASH_CR |= FLASH_CR_STRT;
    int ok = flash_wait_ok();
    FLASH_CR &= ~(FLASH_CR_SER | FLASH_CR_SNB_MASK);
    FLASH_CR |= FLASH_CR_LOCK;
    return (jboolean)ok;
}

jboolean Java_org_skvmoip_hal_stm32_Stm32Natives_flashProgram(jint address, jbyte *src, jint off, jint len) {
    volatile uint8_t *dst = (volatile uint8_t *)(uintptr_t)(uint32_t)address;
    int ok = 1;
    flash_unlock();
    flash_wait_ok();
    FLASH_CR = (FLASH_CR & ~(FLASH_CR_PSIZE_MASK | FLASH_CR_SER)) | FLASH_CR_PG;
    for (jint i = 0; i < len && ok; i++) {
        dst[i] = (uint8_t)src[off + i];
        ok = flash_wait_ok() && dst[i] == (uint8_t)src[off + i];
    }
    FLASH_CR &= ~FLASH_CR_PG;
    FLASH_CR |= FLASH_CR_LOCK;
    return (jboolean)ok;
}

/* ---- Unique device id (RM0368 §24.1) ---- */

void Java_org_skvmoip_hal_stm32_Stm32Natives_uidRead(jbyte *dst, jint off) {
    const volatile uint8_t *uid = (const volatile uint8_t *)(uintptr_t)UID_BASE;
    for (uint32_t i = 0; i < UID_BYTES; i++) {
        dst[off + (jint)i] = (jbyte)uid[i];
    }
}

/* ---- Independent watchdog (RM0368 §17.3): timeout = (RLR + 1) * (4 << PR) / LSI ---- */

void Java_org_skvmoip_hal_stm32_Stm32Natives_iwdgStart(jint timeoutMillis) {
    /* Longest timeout: 4096 * 256 / 32 kHz = 32768 ms; clamping first also keeps ms * 32 in range. */
    uint32_t ms = timeoutMillis < 1 ? 1u : timeoutMillis > 32768 ? 32768u : (uint32_t)timeoutMillis;
    uint32_t pr = 0u;
    uint32_t ticks = (ms * (LSI_HZ / 1000u)) / 4u;
    while (ticks > IWDG_RLR_MAX + 1u && pr < IWDG_PR_MAX) {
        pr++;
        ticks = (ms * (LSI_HZ / 1000u)) / (4u << pr);
    }
    if (ticks > IWDG_RLR_MAX + 1u) {
        ticks = IWDG_RLR_MAX + 1u;
    }
    if (ticks < 1u) {
        ticks = 1u;
    }
    IWDG_KR = IWDG_KEY_ENABLE; /* starts it (a no-op when running); the LSI turns on by itself */
    IWDG_KR = IWDG_KEY_ACCESS;
    while ((IWDG_SR & (IWDG_SR_PVU | IWDG_SR_RVU)) != 0u) {
    }
    IWDG_PR = pr;
    IWDG_RLR = ticks - 1u;
    while ((IWDG_SR & (IWDG_SR_PVU | IWDG_SR_RVU)) != 0u) {
    }
    IWDG_KR = IWDG_KEY_RELOAD;
}

void Java_org_skvmoip_hal_stm32_Stm32Natives_iwdgKick(void) {
    IWDG_KR = IWDG_KEY_RELOAD;
}

/* EXTI15_10 handler: a front-panel LED changed; wake the main loop to sample it. */
void EXTI15_10_IRQHandler(void) {
    EXTI_PR = (1u << POWER_LED_LINE) | (1u << HDD_LED_LINE);
    events_wake_main_loop();
}
