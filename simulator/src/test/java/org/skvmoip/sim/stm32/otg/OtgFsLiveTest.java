package org.skvmoip.sim.stm32.otg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.skvmoip.sim.usb.HexBytes;
import org.skvmoip.sim.usb.HidProtocol;
import org.skvmoip.sim.usb.HostInputListener;
import org.skvmoip.sim.usb.UsbHostModel;

/**
 * The two threads as they will run with the C driver: the host's on one, the core's interrupt
 * handler on another, woken only by the core's interrupt line.
 */
class OtgFsLiveTest {

    @Test
    void givenTheHandlerOnItsOwnThreadWokenByTheIrqLineWhenALiveHostEnumeratesThenReportsArrive()
            throws InterruptedException {
        Semaphore interrupt = new Semaphore(0);
        OtgFsModel core = new OtgFsModel(level -> {
            if (level) {
                interrupt.release();
            }
        }, () -> true, () -> 48_000_000L);
        ManualSteps steps = new ManualSteps(core, ManualSteps.FITTING_PLAN);
        steps.coreInit();
        steps.deviceInit();
        Thread handler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    interrupt.tryAcquire(100, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    return;
                }
                steps.serviceInterrupts();
            }
        }, "otg-fs-irq");
        handler.start();
        BlockingQueue<String> keys = new LinkedBlockingQueue<>();
        try (UsbHostModel host = new UsbHostModel(core, keysInto(keys))) {
            host.enumerate(HidProtocol.REPORT);
            host.start();

            steps.sendIn(1, HexBytes.parse("00 00 04 00 00 00 00 00"), 8);

            assertThat(keys.poll(10, TimeUnit.SECONDS)).isEqualTo("down 04");
            assertThat(host.failure()).isNull();
        } finally {
            handler.interrupt();
            handler.join();
        }
    }

    private static HostInputListener keysInto(BlockingQueue<String> keys) {
        return new HostInputListener() {
            @Override
            public void keyDown(int usage) {
                keys.add("down %02X".formatted(usage));
            }

            @Override
            public void keyUp(int usage) {
                keys.add("up %02X".formatted(usage));
            }

            @Override
            public void pointerRelative(int dx, int dy, int buttons, int wheel, int pan) {
            }

            @Override
            public void pointerAbsolute(int x, int y, int buttons, int wheel, int pan) {
            }
        };
    }
}
