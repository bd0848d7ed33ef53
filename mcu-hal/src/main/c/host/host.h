/*
 * The host build's bridge between the device's C and the simulator's Java (the `stm32` board).
 * Only the files of this folder include jni.h; the drivers see reg.h, sni.h and LLMJVM_impl.h
 * as on the board.
 *
 * Every entry into the C (a Stm32Natives method, an interrupt handler) goes through
 * host_enter/host_leave: they take and release the simulated CPU (Stm32Core.enter/exit in the
 * simulator) and keep the JNIEnv for the register upcalls. C runs only while the CPU is held, so
 * one thread at a time runs it and the globals here need no lock.
 *
 * A register access the simulator refuses (an unmapped address, a peripheral whose clock is off)
 * leaves a Java exception pending; reg_host.c then jumps back to the innermost entry, which
 * returns to Java with that exception: the C that faulted does not run on, as on the part, where
 * a bus fault ends the instruction stream too.
 */
#ifndef SKVM_HOST_H
#define SKVM_HOST_H

#include <jni.h>
#include <setjmp.h>

struct host_call {
    JNIEnv *env;
    jmp_buf fault;
    struct host_call *outer;
};

/* The innermost entry into the C on the thread that holds the CPU; NULL outside the C. */
extern struct host_call *host_current;

/* Takes the CPU; returns 0 (with a Java exception pending) when the simulator refuses it. */
int host_enter(struct host_call *call, JNIEnv *env);
/* Releases the CPU; an exception pending on entry is thrown again afterwards. */
void host_leave(struct host_call *call);

/* After an upcall: jumps to the innermost entry's fault handler if the upcall threw. */
void host_check(JNIEnv *env);

/* The simulator's Stm32Core of this copy of the library and its upcalls (host_bridge.c). */
extern jobject host_core;
extern jmethodID host_core_read, host_core_write, host_core_irq_save, host_core_irq_restore,
        host_core_thread_id, host_core_suspend, host_core_resume;

/* Pins a Java array for a native (NULL for a null array), sharing the pin of an equal array. */
void *host_pin(JNIEnv *env, jarray array, jarray same_as, void *same_pin);
void host_unpin(JNIEnv *env, jarray array, void *pin, jarray same_as);

/* The generated glue (stm32_natives_jni.c): registers every native of the natives class.
 * Returns the number registered, or -1 with a Java exception pending. */
jint host_register_natives(JNIEnv *env, jclass *natives);
/* The names of the registered natives, in the glue's order. */
extern const char *const host_native_names[];

#endif
