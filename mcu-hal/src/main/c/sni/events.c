#include <stdint.h>
#include "sni.h"
#include "LLMJVM_impl.h"
#include "drivers/events.h"

static volatile int event_pending = 0;
static volatile int32_t event_thread = -1;

void events_wake_main_loop(void) {
    event_pending = 1;
    if (event_thread >= 0) {
        int32_t thread = event_thread;
        event_thread = -1;
        SNI_resumeJavaThread(thread);
    }
}

void Java_org_skvmoip_hal_stm32_Stm32Natives_eventAwait(jlong deadlineMillis) {
    /* Publish the thread first, then look at the flag: an interrupt in between either is seen
     * here or resumes the thread, and a resume that precedes the suspension makes SNI's
     * suspension return at once, so no wake-up is lost. */
    event_thread = SNI_getCurrentJavaThreadID();
    if (event_pending) {
        event_pending = 0;
        event_thread = -1;
        return;
    }
    jlong timeout = deadlineMillis - LLMJVM_IMPL_getCurrentTime(1);
    if (timeout <= 0) {
        event_thread = -1;
        return;
    }
    /* SNI suspends the thread when this native returns. An interrupt during the suspension
     * both resumes it and leaves the flag set: one spurious pass of the loop, nothing lost. */
    SNI_suspendCurrentJavaThread(timeout);
}

/* MicroEJ's platform time (LLMJVM_IMPL_getCurrentTime, provided by the BSP) is the one clock the
 * Java side and the suspensions share. */
jlong Java_org_skvmoip_hal_stm32_Stm32Natives_millis(void) {
    return LLMJVM_IMPL_getCurrentTime(1);
}
