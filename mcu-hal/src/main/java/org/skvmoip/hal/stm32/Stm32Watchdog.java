package org.skvmoip.hal.stm32;

import org.skvmoip.hal.Watchdog;

/** The independent watchdog (IWDG, RM0368 §17) on the ~32 kHz LSI; once started it runs until reset. */
public final class Stm32Watchdog implements Watchdog {

    public void start(int timeoutMillis) {
        Stm32Natives.iwdgStart(timeoutMillis);
    }

    public void kick() {
        Stm32Natives.iwdgKick();
    }
}
