package org.skvmoip.sim.stm32;

/**
 * A peripheral's interrupt request into the NVIC (PM0214 §4.3), level-sensitive: the request
 * stands while {@code level} is true, so a handler that leaves its flag set runs again. May be
 * called from any thread, holding the calling model's own lock: the NVIC only records it.
 */
public interface IrqLine {

    void set(boolean level);
}
