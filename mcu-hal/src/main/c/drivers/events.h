/*
 * The main loop's wake-up, shared by every interrupt handler that has something for the loop to
 * poll (W5500 INTn on EXTI1, the front-panel LEDs on EXTI15_10, the OTG_FS core).
 *
 * Defined once per image: by the MicroEJ natives, where it sets the pending flag that
 * Events.await consumes and resumes the waiting Java thread; by the C-only bring-up image,
 * where it ends the main loop's wait-for-interrupt. Safe to call from any handler, any number
 * of times: a spurious wake-up costs the loop one pass.
 */
#ifndef SKVM_DRIVERS_EVENTS_H
#define SKVM_DRIVERS_EVENTS_H

void events_wake_main_loop(void);

#endif
