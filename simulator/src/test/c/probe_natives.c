/*
 * The C of ProbeNatives (simulator/src/test): exercises the host binding through reg.h and
 * the SNI API exactly as the device's drivers do, with its own small vector table.
 */
#include <stdint.h>
#include <stddef.h>
#include "reg.h"
#include "sni.h"
#include "LLMJVM_impl.h"
#include "vectors.h"

#define RCC_AHB1ENR 0x40023830u
#define RCC_APB2ENR 0x40023844u
#define SYSCFG_EXTICR1 0x40013808u
#define EXTI_IMR 0x40013C00u
#define EXTI_RTSR 0x40013C08u
#define EXTI_SWIER 0x40013C10u
#define EXTI_PR 0x40013C14u
#define NVIC_ISER0 0xE000E100u

static int32_t count;
static volatile int32_t exti0_runs;
static volatile int32_t exti0_resumes = -1;

jint Java_org_skvmoip_sim_stm32_host_ProbeNatives_nextCount(void) {
    return ++count;
}

jint Java_org_skvmoip_sim_stm32_host_ProbeNatives_read(jint address) {
    return (jint)reg_read((uint32_t)address);
}

void Java_org_skvmoip_sim_stm32_host_ProbeNatives_write(jint address, jint value) {
    reg_write((uint32_t)address, (uint32_t)value);
}

jint Java_org_skvmoip_sim_stm32_host_ProbeNatives_suspend(jlong timeoutMillis) {
    int32_t self = SNI_getCurrentJavaThreadID();
    SNI_suspendCurrentJavaThread(timeoutMillis);
    return self;
}

void Java_org_skvmoip_sim_stm32_host_ProbeNatives_resume(jint threadId) {
    SNI_resumeJavaThread(threadId);
}

jint Java_org_skvmoip_sim_stm32_host_ProbeNatives_fill(jbyte *src, jbyte *dst, jint off, jint len, jbyte value) {
    jint sum = 0;
    for (jint i = 0; i < len; i++) {
        sum += src[i];
    }
    for (jint i = 0; i < len; i++) {
        dst[off + i] = value;
    }
    return sum;
}

jint Java_org_skvmoip_sim_stm32_host_ProbeNatives_exti0Count(void) {
    return exti0_runs;
}

void Java_org_skvmoip_sim_stm32_host_ProbeNatives_armExti0(jint threadId) {
    reg_set(RCC_AHB1ENR, 1u << 0);
    reg_set(RCC_APB2ENR, 1u << 14);
    (void)reg_read(RCC_APB2ENR); /* ES0182 §2.1: read back before using the newly clocked block */
    reg_modify(SYSCFG_EXTICR1, 0xFu, 0u);
    reg_set(EXTI_RTSR, 1u);
    reg_write(EXTI_PR, 1u);
    reg_set(EXTI_IMR, 1u);
    exti0_resumes = threadId;
    reg_write(NVIC_ISER0, 1u << IRQ_EXTI0);
}

jint Java_org_skvmoip_sim_stm32_host_ProbeNatives_triggerMasked(void) {
    uint32_t primask = irq_save();
    reg_write(EXTI_SWIER, 1u);
    jint before = exti0_runs;
    irq_restore(primask);
    return before;
}

jlong Java_org_skvmoip_sim_stm32_host_ProbeNatives_millis(void) {
    return LLMJVM_IMPL_getCurrentTime(1);
}

static void exti0_handler(void) {
    reg_write(EXTI_PR, 1u);
    exti0_runs++;
    if (exti0_resumes >= 0) {
        SNI_resumeJavaThread(exti0_resumes);
    }
}

const skvm_irq_handler skvm_irq_vectors[IRQ_COUNT] = {
    [IRQ_EXTI0] = exti0_handler,
};
