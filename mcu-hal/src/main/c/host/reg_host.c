/*
 * reg.h for the host build: every register access of the drivers becomes a call into the
 * simulator's bus (Stm32Core.read/write), which decodes the address as the STM32F401's bus
 * matrix would (RM0368 §2.3) and lets the register models answer; PRIMASK lives there too, so
 * that the simulator knows when it may deliver an interrupt.
 */
#include "../reg.h"
#include "host.h"

uint32_t reg_read(uint32_t address) {
    JNIEnv *env = host_current->env;
    jint value = (*env)->CallIntMethod(env, host_core, host_core_read, (jint)address);
    host_check(env);
    return (uint32_t)value;
}

void reg_write(uint32_t address, uint32_t value) {
    JNIEnv *env = host_current->env;
    (*env)->CallVoidMethod(env, host_core, host_core_write, (jint)address, (jint)value);
    host_check(env);
}

uint32_t irq_save(void) {
    JNIEnv *env = host_current->env;
    jint primask = (*env)->CallIntMethod(env, host_core, host_core_irq_save);
    host_check(env);
    return (uint32_t)primask;
}

void irq_restore(uint32_t primask) {
    JNIEnv *env = host_current->env;
    (*env)->CallVoidMethod(env, host_core, host_core_irq_restore, (jint)primask);
    host_check(env);
}
