package org.skvmoip.sim.w5500;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skvmoip.firmware.w5500.SocketRegisters.*;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * The firmware's main loop is measured for allocation with ThreadMXBean; the model is on that
 * thread's path for every SPI frame and INTn check, so it must allocate nothing either.
 */
class AllocationFreeTest {

    @Test
    void framesBytesCommandsAndInterruptChecksAllocateNothing() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (W5500Model model = new W5500Model(HostNetwork.loopback(-1))) {
            byte[] readFsr = {0x00, 0x20, (byte) RawSpi.control(RawSpi.socketRegisters(0), false, 0), 0, 0};
            byte[] writeTx = new byte[3 + 64];
            writeTx[2] = (byte) RawSpi.control(RawSpi.txBuffer(0), true, 0);
            byte[] recv = {0x00, 0x01, (byte) RawSpi.control(RawSpi.socketRegisters(0), true, 0), Sn_CR_RECV};
            byte[] rx = new byte[writeTx.length];
            long deadline = System.nanoTime() / 1_000_000;
            Runnable iteration = () -> {
                model.transfer(readFsr, 0, rx, 0, readFsr.length);
                model.transfer(writeTx, 0, null, 0, writeTx.length);
                model.transfer(recv, 0, rx, 0, recv.length);
                model.chipSelect(true);
                for (byte b : readFsr) {
                    model.exchange(b);
                }
                model.chipSelect(false);
                model.interruptLine().isAsserted();
                model.interruptLine().awaitAsserted(deadline);
            };
            for (int i = 0; i < 20_000; i++) {
                iteration.run();
            }
            long tid = Thread.currentThread().getId();
            long before = threads.getThreadAllocatedBytes(tid);
            for (int i = 0; i < 10_000; i++) {
                iteration.run();
            }
            long allocated = threads.getThreadAllocatedBytes(tid) - before;

            assertThat(allocated).as("bytes allocated by 10 000 iterations").isLessThan(1024);
        }
    }
}
