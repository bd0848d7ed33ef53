package org.skvmoip.sim.stm32.host;

import java.util.List;

/** One board's copy of the device's C, as the simulator drives it (implemented by {@link CBridge}). */
public interface CSide {

    /**
     * Gives the C its simulated CPU: the object whose read/write/irqSave/irqRestore/threadId/
     * suspend/resume/enter/exit the host C calls (see mcu-hal/src/main/c/host/host.h). Returns the
     * names of the natives the library registered.
     */
    List<String> bind(Object core);

    /**
     * What the board's start-up code runs before the VM (board/startup.c): the clock tree
     * (clock_init). Returns its status, 0 when the PLL runs (or when the C has no clock_init).
     */
    int powerOn();

    /** Runs the C handler of NVIC interrupt {@code irq} on this thread (which holds the CPU). */
    void dispatch(int irq);
}
