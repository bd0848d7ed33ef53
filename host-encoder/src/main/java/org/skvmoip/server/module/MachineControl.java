package org.skvmoip.server.module;

import java.util.function.Consumer;

/**
 * Input and power for one machine, through its module's authenticated control session
 * (docs/protocol.md). Every send returns false when there is no session to send it on; a
 * keyboard or mouse message carries the whole state, so nothing needs replaying after a
 * reconnect, and the module releases everything itself when a session ends.
 */
public interface MachineControl {

    String machine();

    ModuleStatus status();

    /** Calls {@code listener} on every status change (link up/down included) until the handle is closed. */
    AutoCloseable onStatus(Consumer<ModuleStatus> listener);

    /** The keys held now: modifier bits (HID byte 0) and up to 6 other usages. */
    boolean keyboard(int modifiers, byte[] usages, int count);

    /** Absolute pointer, x and y in 0..32767 across the screen. */
    boolean mouseAbsolute(int buttons, int x, int y, int wheel, int hwheel);

    boolean mouseRelative(int buttons, int dx, int dy, int wheel, int hwheel);

    /** A raw front-panel press: protocol Power.SHORT_PRESS, LONG_PRESS or RESET. */
    boolean power(int action);

    /** Every key and button up. */
    boolean releaseAll();
}
