/*
 * A Java thread waiting on one pin's edge (Stm32Natives.irqSuspendUntil), and the EXTI handlers
 * of every line group (RM0368 table 38: EXTI0..4 each, EXTI9_5, EXTI15_10), so any pin 0..15 of
 * the wiring can be waited on.
 */
#include <stddef.h>
#include <stdint.h>
#include "sni.h"
#include "LLMJVM_impl.h"
#include "vectors.h"
#include "wiring.h"
#include "drivers/exti.h"
#include "drivers/gpio.h"
#include "drivers/events.h"
#include "stm32f401/exti.h"

/* The single waiter: the firmware has one interrupt line (W5500 INTn) and one loop. */
static volatile int32_t waiting_thread = -1;
static volatile uint32_t waiting_line = 0xFFu;

void Java_org_skvmoip_hal_stm32_Stm32Natives_irqSuspendUntil(jint pin, jboolean activeLow, jlong deadlineMillis) {
    uint32_t p = (uint32_t)pin;
    if (wiring_find(p) == NULL) {
        return;
    }
    waiting_line = GPIO_PIN_NUMBER(p);
    waiting_thread = SNI_getCurrentJavaThreadID();
    exti_arm(p, activeLow ? EXTI_EDGE_FALLING : EXTI_EDGE_RISING);

    /* Armed first, then the level checked: an edge before this point is not lost. */
    int active = gpio_read(p) == (activeLow ? 0 : 1);
    jlong timeout = deadlineMillis - LLMJVM_IMPL_getCurrentTime(1);
    if (!active && timeout > 0) {
        SNI_suspendCurrentJavaThread(timeout);
    }
}

/* Every armed line wakes the main loop (INTn, the LEDs), and the waiter of its own line. */
static void serve(uint32_t lines) {
    uint32_t pending = exti_take_pending(lines);
    if (pending == 0u) {
        return;
    }
    events_wake_main_loop();
    if (waiting_line < EXTI_GPIO_LINES && (pending & (1u << waiting_line)) != 0u && waiting_thread >= 0) {
        int32_t thread = waiting_thread;
        waiting_thread = -1;
        SNI_resumeJavaThread(thread);
    }
}

void EXTI0_IRQHandler(void) {
    serve(1u << 0);
}

void EXTI1_IRQHandler(void) {
    serve(1u << 1);
}

void EXTI2_IRQHandler(void) {
    serve(1u << 2);
}

void EXTI3_IRQHandler(void) {
    serve(1u << 3);
}

void EXTI4_IRQHandler(void) {
    serve(1u << 4);
}

void EXTI9_5_IRQHandler(void) {
    serve(0x3E0u);
}

void EXTI15_10_IRQHandler(void) {
    serve(0xFC00u);
}
