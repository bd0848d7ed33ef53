package org.skvmoip.sim.stm32.host;

import java.util.Arrays;
import java.util.List;

/**
 * The JNI side of one board's copy of the C. Loaded, like the natives class, by that board's
 * own {@link BoardClassLoader}, so {@link #load} binds the library copy to this loader only and
 * the C globals of two boards never meet.
 */
public final class CBridge implements CSide {

    /** Called reflectively in the board's loader: System.load binds to the caller's loader. */
    public static void load(String library) {
        System.load(library);
    }

    @Override
    public List<String> bind(Object core) {
        return Arrays.asList(bindCore(core));
    }

    @Override
    public void dispatch(int irq) {
        dispatchIrq(irq);
    }

    @Override
    public int powerOn() {
        return powerOnC();
    }

    private static native String[] bindCore(Object core);

    private static native int powerOnC();

    private static native void dispatchIrq(int irq);
}
