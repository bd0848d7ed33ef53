package org.skvmoip.sim.e2e;

import java.time.Duration;
import java.util.Arrays;

import org.skvmoip.protocol.Power;
import org.skvmoip.sim.SimulatedModule;
import org.skvmoip.sim.stm32.DeviceC;
import org.skvmoip.sim.control.ControlClient;
import org.skvmoip.sim.machine.PowerState;

/**
 * One module plugged into its virtual target, adopted with {@link #SECRET}, with every HID
 * report it sends recorded; the steps the end-to-end tests share.
 */
final class Rig implements AutoCloseable {

    static final byte[] SECRET = secret(0x5A);
    static final byte[] WRONG_SECRET = secret(0x33);
    /** Boot (1.5 s) plus the module's short press and the target's reaction, with room for a slow machine. */
    static final Duration BOOT_WAIT = Duration.ofSeconds(8);

    final SimulatedModule module;
    final HidReports reports;

    private Rig(SimulatedModule module) {
        this.module = module;
        this.reports = new HidReports(module.usbHost());
    }

    static Rig adopted() throws InterruptedException {
        DeviceC.assumeBoardRunnable();
        return new Rig(new SimulatedModule(0, -1).adopt(SECRET).start());
    }

    /** A new connection, authenticated with {@link #SECRET}. */
    ControlClient session() throws Exception {
        return connect().authenticate(SECRET);
    }

    ControlClient connect() throws Exception {
        return ControlClient.connect(module::controlPort);
    }

    /** Presses the power button through {@code client} and waits for the target's console. */
    void powerOn(ControlClient client) throws InterruptedException {
        client.power(Power.SHORT_PRESS);
        Poll.until("the target to boot", BOOT_WAIT, () -> module.target().state() == PowerState.RUNNING,
                () -> module.target().state());
    }

    /** Waits until the host has seen the keyboard's all-released report last. */
    void awaitKeyboardReleased() throws InterruptedException {
        reports.awaitLast(reports.keyboard(), "[00 00 00 00 00 00 00 00]");
    }

    static byte[] secret(int fill) {
        byte[] s = new byte[32];
        Arrays.fill(s, (byte) fill);
        s[0] = 0x01; // not a single repeated byte, so a byte-order slip would show
        return s;
    }

    @Override
    public void close() throws Exception {
        module.close();
    }
}
