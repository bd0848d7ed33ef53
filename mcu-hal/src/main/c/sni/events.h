/* The main loop's wake-up (org.skvmoip.hal.Events on the device): interrupt handlers call
 * events_wake_main_loop; the loop's thread sleeps in the eventAwait native. */
#ifndef SKVM_SNI_EVENTS_H
#define SKVM_SNI_EVENTS_H

/* Safe from any interrupt handler: marks an event and resumes the loop's thread if it sleeps. */
void events_wake_main_loop(void);

#endif
