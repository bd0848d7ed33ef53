package org.skvmoip.sim.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.skvmoip.firmware.Firmware;
import org.skvmoip.firmware.SocketPlan;
import org.skvmoip.firmware.config.ConfigStorage;
import org.skvmoip.firmware.config.ModuleSettings;
import org.skvmoip.firmware.w5500.SocketRegisters;
import org.skvmoip.firmware.w5500.SpiFrame;
import org.skvmoip.hal.Clock;
import org.skvmoip.hal.ConfigStore;
import org.skvmoip.hal.Crypto;
import org.skvmoip.hal.DigitalInput;
import org.skvmoip.hal.DigitalOutput;
import org.skvmoip.hal.Events;
import org.skvmoip.hal.InterruptLine;
import org.skvmoip.hal.SpiDevice;
import org.skvmoip.hal.UniqueId;
import org.skvmoip.hal.UsbDevice;
import org.skvmoip.hal.Watchdog;
import org.skvmoip.protocol.Discovery;
import org.skvmoip.sim.SimulatedModule;
import org.skvmoip.sim.w5500.HostNetwork;

/**
 * INTn reaches the main loop as EXTI1 on the device takes it, on its falling edge only. An
 * interrupt that comes while INTn is still low for another socket brings no edge, and must
 * still be served in the next pass, not when some deadline (the 250 ms health check) comes
 * round. Simulated time ({@link ManualClock}) shows which: a pass that had to sleep moves it.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class InterruptEdgeTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final ManualClock clock = new ManualClock(1_000);
    private final SimConfigStore store = new SimConfigStore();
    private final SimBoard board = new SimBoard(0, HostNetwork.loopback(-1), SimBoard.Wiring.unconnected(), store, clock);
    private final BusWithAHook bus = new BusWithAHook(board.w5500());
    private Firmware firmware;

    @AfterEach
    void closeBoard() {
        board.close();
    }

    @Test
    void aSecondSocketInterruptWhileIntnIsStillLowIsServedInTheNextPassWithNoTimePassing() throws Exception {
        powerUp();
        Socket[] control = new Socket[1];
        try (DatagramSocket server = new DatagramSocket(0, LOOPBACK)) {
            server.setSoTimeout(10_000);
            byte[] discover = new byte[Discovery.DISCOVER_LENGTH];
            Discovery.writeDiscover(discover, 0, 7);
            server.send(new DatagramPacket(discover, discover.length, LOOPBACK, board.w5500().hostPort(SocketPlan.DISCOVERY_UDP)));
            awaitReal("INTn low for the discovery datagram", () -> board.w5500().interruptLine().isAsserted());

            // While the discovery socket keeps INTn low - after the control socket's turn in the
            // pass, before the discovery socket's - a server connects to the control port.
            int controlPort = board.w5500().hostPort(SocketPlan.CONTROL_TCP);
            bus.beforeReading(SpiFrame.socketRegisterBlock(SocketPlan.DISCOVERY_UDP), SocketRegisters.Sn_IR, () -> {
                control[0] = connect(controlPort);
                awaitReal("the control connection", () -> board.w5500().socketStatus(SocketPlan.CONTROL_TCP)
                        == SocketRegisters.SOCK_ESTABLISHED);
            });
            firmware.runOnce();
            server.receive(new DatagramPacket(new byte[64], 64));
            assertThat(bus.hookRan()).isTrue();
            assertThat(firmware.control().sessionsStarted()).as("not yet: its socket was served before it came").isZero();
            assertThat(board.w5500().interruptLine().isAsserted()).as("INTn never went high: no second edge").isTrue();

            long before = clock.millis();
            firmware.runOnce();

            assertThat(firmware.control().sessionsStarted()).isEqualTo(1);
            assertThat(clock.millis() - before).as("simulated ms the loop slept before serving it").isZero();
        } finally {
            if (control[0] != null) {
                control[0].close();
            }
        }
    }

    @Test
    void aModuleWhoseInterruptsAreAllServedSleepsUntilItsNextDeadline() throws Exception {
        powerUp();
        long before = clock.millis();

        firmware.runOnce();

        assertThat(board.w5500().interruptLine().isAsserted()).isFalse();
        assertThat(clock.millis()).as("an idle pass sleeps, it does not spin").isGreaterThan(before);
    }

    /** Static address settings, the firmware constructed on the hooked bus, run until it listens and idles. */
    private void powerUp() throws InterruptedException {
        ModuleSettings settings = new ModuleSettings();
        settings.setDefaults();
        settings.ipMode = ModuleSettings.IP_MODE_STATIC;
        System.arraycopy(SimulatedModule.defaultConfig(0).ip, 0, settings.staticIp, 0, 4);
        new ConfigStorage(store).save(settings);
        firmware = new Firmware(new BoardOnBus(board, bus));
        assertThat(firmware.start()).isTrue();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (board.w5500().socketStatus(SocketPlan.CONTROL_TCP) != SocketRegisters.SOCK_LISTEN
                || board.w5500().hostPort(SocketPlan.DISCOVERY_UDP) < 0
                || board.w5500().interruptLine().isAsserted()
                || firmware.frontPanel().nextDeadline() != Long.MAX_VALUE) { // LEDs settled: an idle module
            firmware.runOnce();
            assertThat(System.nanoTime()).as("the firmware opens its sockets").isLessThan(deadline);
        }
        awaitReal("the control socket's host side", () -> board.w5500().hostPort(SocketPlan.CONTROL_TCP) > 0);
    }

    private static Socket connect(int port) {
        try {
            return new Socket(LOOPBACK, port);
        } catch (java.io.IOException e) {
            throw new AssertionError("connect to the module's control port " + port, e);
        }
    }

    /** Waits in real time for the model's host threads (no assertion on how long it took). */
    private static void awaitReal(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited 10 s for " + what);
            }
            Thread.onSpinWait();
        }
    }

    /** The W5500's SPI bus, with a hook run once just before a chosen register is read. */
    private static final class BusWithAHook implements SpiDevice {
        private final SpiDevice chip;
        private int block = -1;
        private int address;
        private Runnable hook;
        private boolean ran;

        BusWithAHook(SpiDevice chip) {
            this.chip = chip;
        }

        void beforeReading(int block, int address, Runnable hook) {
            this.block = block;
            this.address = address;
            this.hook = hook;
        }

        boolean hookRan() {
            return ran;
        }

        @Override
        public void transfer(byte[] tx, int txOff, byte[] rx, int rxOff, int len) {
            if (hook != null && len > SpiFrame.HEADER_BYTES
                    && ((tx[txOff] & 0xFF) << 8 | tx[txOff + 1] & 0xFF) == address
                    && (tx[txOff + 2] & 0xFF) >>> SpiFrame.BSB_SHIFT == block
                    && (tx[txOff + 2] & SpiFrame.RWB_WRITE) == 0) {
                Runnable once = hook;
                hook = null;
                once.run();
                ran = true;
            }
            chip.transfer(tx, txOff, rx, rxOff, len);
        }
    }

    /** The simulated board, its W5500 reached through {@link BusWithAHook}. */
    private record BoardOnBus(SimBoard board, SpiDevice bus) implements org.skvmoip.hal.Board {
        @Override public SpiDevice w5500Spi() { return bus; }
        @Override public DigitalOutput w5500Reset() { return board.w5500Reset(); }
        @Override public InterruptLine w5500Interrupt() { return board.w5500Interrupt(); }
        @Override public Events events() { return board.events(); }
        @Override public UsbDevice usb() { return board.usb(); }
        @Override public DigitalOutput powerButton() { return board.powerButton(); }
        @Override public DigitalOutput resetButton() { return board.resetButton(); }
        @Override public DigitalInput powerLed() { return board.powerLed(); }
        @Override public DigitalInput hddLed() { return board.hddLed(); }
        @Override public DigitalInput factoryResetButton() { return board.factoryResetButton(); }
        @Override public ConfigStore configStore() { return board.configStore(); }
        @Override public UniqueId uniqueId() { return board.uniqueId(); }
        @Override public Watchdog watchdog() { return board.watchdog(); }
        @Override public Crypto crypto() { return board.crypto(); }
        @Override public Clock clock() { return board.clock(); }
    }
}
