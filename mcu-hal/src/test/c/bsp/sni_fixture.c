/* TEST FIXTURE: the MicroEJ SNI calls and platform time the natives make, as printed lines. */
#include <stdio.h>
#include "sni.h"
#include "LLMJVM_impl.h"

#define FIXTURE_THREAD 7

int32_t SNI_getCurrentJavaThreadID(void) {
    return FIXTURE_THREAD;
}

int32_t SNI_suspendCurrentJavaThread(int64_t timeout) {
    printf("SUSPENDED %lld\n", (long long)timeout);
    return 0;
}

int32_t SNI_resumeJavaThread(int32_t thread) {
    printf("RESUMED %d\n", (int)thread);
    return 0;
}

int64_t LLMJVM_IMPL_getCurrentTime(uint8_t system) {
    (void)system;
    return 1000;
}
