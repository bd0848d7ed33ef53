/*
 * The part of MicroEJ's SNI and core-engine API that the natives use, for the host build. The
 * simulated CPU (Stm32Core) gives each Java thread an id and performs a suspension when the
 * native that asked for it returns, as MicroEJ's green-thread VM does; a resume that arrives
 * before the suspension makes it end at once.
 */
#define _POSIX_C_SOURCE 200809L /* clock_gettime under -std=c99 */
#include <stdint.h>
#include <time.h>
#include "host.h"
#include "sni.h"
#include "LLMJVM_impl.h"

#define SNI_OK 0

int32_t SNI_getCurrentJavaThreadID(void) {
    JNIEnv *env = host_current->env;
    jint id = (*env)->CallIntMethod(env, host_core, host_core_thread_id);
    host_check(env);
    return id;
}

int32_t SNI_suspendCurrentJavaThread(int64_t timeout) {
    JNIEnv *env = host_current->env;
    (*env)->CallVoidMethod(env, host_core, host_core_suspend, (jlong)timeout);
    host_check(env);
    return SNI_OK;
}

int32_t SNI_resumeJavaThread(int32_t javaThreadID) {
    JNIEnv *env = host_current->env;
    (*env)->CallVoidMethod(env, host_core, host_core_resume, (jint)javaThreadID);
    host_check(env);
    return SNI_OK;
}

/* The clock of System.nanoTime() on Linux (CLOCK_MONOTONIC), so the firmware's deadlines and
 * the simulator's agree. */
int64_t LLMJVM_IMPL_getCurrentTime(uint8_t system) {
    (void)system;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (int64_t)now.tv_sec * 1000 + now.tv_nsec / 1000000;
}
