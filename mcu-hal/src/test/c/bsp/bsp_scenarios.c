/*
 * TEST PROGRAM for mcu-hal's JUnit tests (org.skvmoip.hal.stm32.BspHarness): runs one scenario
 * of the device's C against the register fixture and prints what happened, one fact a line.
 * Usage: bsp_scenarios SCENARIO [ARG]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "reg_fixture.h"
#include "sni.h"
#include "vectors.h"
#include "wiring.h"
#include "drivers/adc.h"
#include "drivers/clock.h"
#include "drivers/iwdg.h"
#include "stm32f401/adc.h"

void Java_org_skvmoip_hal_stm32_Stm32Natives_init(void);
void Java_org_skvmoip_hal_stm32_Stm32Natives_irqSuspendUntil(jint pin, jboolean activeLow, jlong deadlineMillis);
void Java_org_skvmoip_hal_stm32_Stm32Natives_flashRead(jint address, jbyte *dst, jint off, jint len);
jboolean Java_org_skvmoip_hal_stm32_Stm32Natives_flashProgram(jint address, jbyte *src, jint off, jint len);
void Java_org_skvmoip_hal_stm32_Stm32Natives_uidRead(jbyte *dst, jint off);

#define EXTI_PR 0x40013C14u
#define NVIC_ISER0 0xE000E100u

static void wiring(void) {
    for (uint32_t i = 0; i < wiring_pin_count; i++) {
        const struct gpio_config *c = &wiring_pins[i].config;
        printf("PIN %s %u %u %u %u %u %u\n", wiring_pins[i].name, c->pin, c->mode, c->pull, c->speed,
               c->alternate, c->initial_high);
    }
}

/* What the NVIC would do after an edge on line: call the handler of every enabled IRQ. */
static void edge_then_dispatch(uint32_t line) {
    fixture_set(EXTI_PR, 1u << line);
    for (uint32_t irq = 0; irq < IRQ_COUNT; irq++) {
        if ((fixture_get(NVIC_ISER0 + 4u * (irq / 32u)) >> (irq % 32u)) & 1u) {
            printf("DISPATCH %u\n", irq);
            skvm_irq_vectors[irq]();
        }
    }
}

static void flash(void) {
    jbyte data[10] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    fixture_log = 1;
    int ok = Java_org_skvmoip_hal_stm32_Stm32Natives_flashProgram(0x08008000, data, 0, 10);
    fixture_log = 0;
    printf("PROGRAMMED %d\n", ok);
    printf("UNALIGNED %d\n", Java_org_skvmoip_hal_stm32_Stm32Natives_flashProgram(0x08008002, data, 0, 4));
    jbyte back[12];
    memset(back, 0, sizeof back);
    fixture_log = 1;
    Java_org_skvmoip_hal_stm32_Stm32Natives_flashRead(0x08008001, back, 2, 10);
    fixture_log = 0;
    printf("READ");
    for (int i = 0; i < 12; i++) {
        printf(" %d", back[i]);
    }
    printf("\n");
}

static void uid(void) {
    fixture_set(0x1FFF7A10u, 0x03020100u);
    fixture_set(0x1FFF7A14u, 0x07060504u);
    fixture_set(0x1FFF7A18u, 0x0B0A0908u);
    jbyte id[13];
    memset(id, 0x55, sizeof id);
    fixture_log = 1;
    Java_org_skvmoip_hal_stm32_Stm32Natives_uidRead(id, 1);
    fixture_log = 0;
    printf("UID");
    for (int i = 0; i < 13; i++) {
        printf(" %d", id[i]);
    }
    printf("\n");
}

static void adc(void) {
    uint16_t value = 0;
    fixture_set(0x40012304u, 1u << 22); /* VBATE left on by someone before */
    adc_init_temperature(ADC_SMPR_480_CYCLES);
    printf("ADC %s\n", adc_read(&value) ? "ok" : "failed");
}

int main(int argc, char **argv) {
    const char *scenario = argc > 1 ? argv[1] : "";
    if (strcmp(scenario, "wiring") == 0) {
        wiring();
    } else if (strcmp(scenario, "init") == 0) {
        fixture_log = 1;
        Java_org_skvmoip_hal_stm32_Stm32Natives_init();
        fixture_log = 0;
    } else if (strcmp(scenario, "irq") == 0 && argc > 2) {
        uint32_t pin = (uint32_t)atoi(argv[2]);
        Java_org_skvmoip_hal_stm32_Stm32Natives_init();
        Java_org_skvmoip_hal_stm32_Stm32Natives_irqSuspendUntil((jint)pin, 1, 5000);
        edge_then_dispatch(pin & 15u);
    } else if (strcmp(scenario, "clock") == 0) {
        printf("CLOCK %d\n", clock_init());
    } else if (strcmp(scenario, "clock-hse-dead") == 0) {
        fixture_hse_dead = 1;
        printf("CLOCK %d\n", clock_init());
    } else if (strcmp(scenario, "adc") == 0) {
        adc();
    } else if (strcmp(scenario, "adc-dead") == 0) {
        fixture_adc_dead = 1;
        adc();
    } else if (strcmp(scenario, "flash") == 0) {
        flash();
    } else if (strcmp(scenario, "uid") == 0) {
        uid();
    } else if (strcmp(scenario, "iwdg") == 0) {
        iwdg_start(2000u);
    } else if (strcmp(scenario, "vectors") == 0) {
        for (uint32_t irq = 0; irq < IRQ_COUNT; irq++) {
            printf("VECTOR %u %s\n", irq, skvm_irq_vectors[irq] == Default_Handler ? "default" : "handled");
        }
    } else {
        fprintf(stderr, "unknown scenario '%s'\n", scenario);
        return 2;
    }
    fixture_dump();
    return 0;
}
