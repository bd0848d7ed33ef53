/*
 * The library's face to the simulator: JNI_OnLoad registers every Stm32Natives method (the glue
 * generated from the Java class) and the natives of the bridge class
 * org.skvmoip.sim.stm32.host.CBridge, which the simulator loads together with the natives
 * class in one class loader per simulated board, so each board has its own copy of this
 * library and of every C global. Loading fails (UnsatisfiedLinkError) when any native cannot be
 * registered.
 */
#include <stddef.h>
#include <stdint.h>
#include "host.h"
#include "../vectors.h"

#define BRIDGE_CLASS "org/skvmoip/sim/stm32/host/CBridge"
#define CORE_SIGNATURE "Ljava/lang/Object;"

struct host_call *host_current = NULL;
jobject host_core = NULL;
jmethodID host_core_read, host_core_write, host_core_irq_save, host_core_irq_restore,
        host_core_thread_id, host_core_suspend, host_core_resume;
static jmethodID core_arrive, core_enter, core_exit, core_leave;
static jint registered = 0;

/* The CPU is the core object's monitor, taken here with MonitorEnter rather than a Java lock:
 * a contended monitor costs the waiting thread no Java heap (the firmware's loop allocates
 * nothing), and a thread that exits the C always releases it. */
int host_enter(struct host_call *call, JNIEnv *env) {
    if (host_core == NULL) {
        jclass error = (*env)->FindClass(env, "java/lang/IllegalStateException");
        (*env)->ThrowNew(env, error, "the C side was called before CBridge.bind gave it a simulated CPU");
        return 0;
    }
    (*env)->CallVoidMethod(env, host_core, core_arrive);
    if ((*env)->ExceptionCheck(env) || (*env)->MonitorEnter(env, host_core) != JNI_OK) {
        return 0;
    }
    call->env = env;
    call->outer = host_current;
    host_current = call;
    (*env)->CallVoidMethod(env, host_core, core_enter);
    if ((*env)->ExceptionCheck(env)) {
        host_current = call->outer;
        (*env)->MonitorExit(env, host_core);
        return 0;
    }
    return 1;
}

void host_leave(struct host_call *call) {
    JNIEnv *env = call->env;
    jthrowable pending = (*env)->ExceptionOccurred(env);
    (*env)->ExceptionClear(env);
    (*env)->CallVoidMethod(env, host_core, core_exit); /* interrupts the C raised run first */
    if (pending == NULL) {
        pending = (*env)->ExceptionOccurred(env);
    }
    (*env)->ExceptionClear(env);
    host_current = call->outer;
    (*env)->MonitorExit(env, host_core);
    (*env)->CallVoidMethod(env, host_core, core_leave); /* a suspension the C asked for, outside the CPU */
    if (pending != NULL && !(*env)->ExceptionCheck(env)) {
        (*env)->Throw(env, pending);
    }
}

void host_check(JNIEnv *env) {
    if ((*env)->ExceptionCheck(env)) {
        longjmp(host_current->fault, 1);
    }
}

void *host_pin(JNIEnv *env, jarray array, jarray same_as, void *same_pin) {
    if (array == NULL) {
        return NULL;
    }
    if (same_as != NULL && same_pin != NULL && (*env)->IsSameObject(env, array, same_as)) {
        return same_pin;
    }
    /* Every SNI array here is a byte array; the element pointer is what SNI hands the C. */
    return (*env)->GetByteArrayElements(env, (jbyteArray)array, NULL);
}

void host_unpin(JNIEnv *env, jarray array, void *pin, jarray same_as) {
    if (array == NULL || pin == NULL) {
        return;
    }
    if (same_as != NULL && (*env)->IsSameObject(env, array, same_as)) {
        return; /* released with the array it shares its pin with */
    }
    (*env)->ReleaseByteArrayElements(env, (jbyteArray)array, (jbyte *)pin, 0);
}

static jmethodID core_method(JNIEnv *env, jclass type, const char *name, const char *signature) {
    return (*env)->GetMethodID(env, type, name, signature);
}

/* CBridge.bind(core): the simulated CPU this copy of the C runs on. Returns the names of the
 * natives registered, so the simulator can check them against the Java class. */
static jobjectArray JNICALL bridge_bind(JNIEnv *env, jclass bridge, jobject core) {
    (void)bridge;
    jclass type = (*env)->GetObjectClass(env, core);
    if ((host_core_read = core_method(env, type, "read", "(I)I")) == NULL
            || (host_core_write = core_method(env, type, "write", "(II)V")) == NULL
            || (host_core_irq_save = core_method(env, type, "irqSave", "()I")) == NULL
            || (host_core_irq_restore = core_method(env, type, "irqRestore", "(I)V")) == NULL
            || (host_core_thread_id = core_method(env, type, "threadId", "()I")) == NULL
            || (host_core_suspend = core_method(env, type, "suspend", "(J)V")) == NULL
            || (host_core_resume = core_method(env, type, "resume", "(I)V")) == NULL
            || (core_arrive = core_method(env, type, "arrive", "()V")) == NULL
            || (core_enter = core_method(env, type, "enter", "()V")) == NULL
            || (core_exit = core_method(env, type, "exit", "()V")) == NULL
            || (core_leave = core_method(env, type, "leave", "()V")) == NULL) {
        return NULL;
    }
    if (host_core != NULL) {
        (*env)->DeleteGlobalRef(env, host_core);
    }
    host_core = (*env)->NewGlobalRef(env, core);
    jclass string = (*env)->FindClass(env, "java/lang/String");
    jobjectArray names = (*env)->NewObjectArray(env, registered, string, NULL);
    for (jint i = 0; names != NULL && i < registered; i++) {
        (*env)->SetObjectArrayElement(env, names, i, (*env)->NewStringUTF(env, host_native_names[i]));
    }
    return names;
}

/* CBridge.dispatch(irq): the NVIC took interrupt irq (0..84, RM0368 table 38); run the
 * handler of the device's own vector table (vectors.c) on this thread. */
static void JNICALL bridge_dispatch(JNIEnv *env, jclass bridge, jint irq) {
    (void)bridge;
    struct host_call call;
    if (!host_enter(&call, env)) {
        return;
    }
    if (setjmp(call.fault) == 0) {
        void (*handler)(void) = NULL;
        if (irq >= 0 && (uint32_t)irq < IRQ_COUNT) {
            handler = skvm_irq_vectors[irq];
        }
        if (handler == NULL) {
            jclass error = (*env)->FindClass(env, "java/lang/IllegalStateException");
            (*env)->ThrowNew(env, error, "interrupt taken whose vector table entry is empty (skvm_irq_vectors)");
        } else {
            handler();
        }
    }
    host_leave(&call);
}

/* The device's reset path before main (board/startup.c): its clock tree. Weak, so a test's own C
 * without the drivers still links; such C starts on the HSI, as the part does out of reset. */
extern int clock_init(void) __attribute__((weak));

/* CBridge.powerOn(): what the board's start-up does before the VM starts; clock_init's answer
 * (0: the PLL runs), or 0 without one. */
static jint JNICALL bridge_power_on(JNIEnv *env, jclass bridge) {
    (void)bridge;
    struct host_call call;
    volatile jint status = 0;
    if (!host_enter(&call, env)) {
        return -1;
    }
    if (setjmp(call.fault) == 0 && clock_init != NULL) {
        status = clock_init();
    }
    host_leave(&call);
    return status;
}

static const JNINativeMethod BRIDGE_METHODS[] = {
    {"bindCore", "(" CORE_SIGNATURE ")[Ljava/lang/String;", (void *)bridge_bind},
    {"dispatchIrq", "(I)V", (void *)bridge_dispatch},
    {"powerOnC", "()I", (void *)bridge_power_on},
};

JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM *vm, void *reserved) {
    (void)reserved;
    JNIEnv *env;
    if ((*vm)->GetEnv(vm, (void **)&env, JNI_VERSION_1_8) != JNI_OK) {
        return JNI_ERR;
    }
    jclass bridge = (*env)->FindClass(env, BRIDGE_CLASS);
    if (bridge == NULL
            || (*env)->RegisterNatives(env, bridge, BRIDGE_METHODS, sizeof BRIDGE_METHODS / sizeof BRIDGE_METHODS[0]) != 0) {
        return JNI_ERR;
    }
    jclass natives;
    registered = host_register_natives(env, &natives);
    return registered < 0 ? JNI_ERR : JNI_VERSION_1_8;
}
