package org.skvmoip.sim.stm32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.skvmoip.sim.board.SimBoard;
import org.skvmoip.sim.stm32.host.CLibrary;
import org.skvmoip.sim.usb.DeviceDescription;
import org.skvmoip.sim.usb.HidProtocol;
import org.skvmoip.sim.usb.HostInputListener;
import org.skvmoip.sim.usb.UsbHostException;
import org.skvmoip.sim.usb.UsbHostModel;
import org.skvmoip.sim.w5500.HostNetwork;

/**
 * USB on the stm32 board is the device's: Stm32UsbDevice, the usb* natives, drivers/usb_device.c
 * on the OTG_FS register model. A PC's host enumerates it through the core's side of the cable;
 * the C with a FIFO plan over the core's 320 words, or a 48 MHz clock that is not 48 MHz, does not
 * enumerate, as the part would not.
 */
class Stm32UsbTest {

    @Test
    void aHostEnumeratesTheDevicesOwnUsbDriverThroughTheOtgFsCore() throws Exception {
        DeviceC.assumeBuildable();
        try (Stm32SimBoard board = running(CLibrary.device());
                UsbHostModel host = new UsbHostModel(board.usbPort(), new Keys())) {
            DeviceDescription device = host.enumerate(HidProtocol.REPORT);

            assertThat(device.interfaces()).isNotEmpty();
            assertThat(device.ep0MaxPacket()).isEqualTo(64);
            assertThat(board.board().usb().getClass().getSimpleName()).isEqualTo("Stm32UsbDevice");
            assertThat(board.chip().core().interruptsTaken(Stm32Chip.IRQ_OTG_FS)).as("OTG_FS_IRQHandler ran")
                    .isPositive();
            assertThat(board.chip().otgFs().fault()).isNull();
            assertThat(board.chip().bus().lostAccesses()).isEmpty();
        }
    }

    @Test
    void aFifoPlanOverThe320WordsOfFifoRamIsRefusedByTheCoreAndTheDeviceDoesNotEnumerate() throws Exception {
        DeviceC.assumeBuildable();
        // usb_device.c refuses such a plan at compile time: the mutant removes that check too, so
        // what the test sees is the core's refusal.
        CLibrary mutant = MutantC.build("fifo-over-320", "drivers/usb_device.c",
                "#define FIFO_TX_INTERRUPT_WORDS (USB_DEVICE_MAX_INTERRUPT_PACKET / 4u)",
                "#define FIFO_TX_INTERRUPT_WORDS 100u",
                "COMPILE_TIME_CHECK(FIFO_TOTAL_WORDS <= OTG_FS_FIFO_RAM_WORDS, fifo_plan_exceeds_the_320_words_of_fifo_ram);",
                "");
        try (Stm32SimBoard board = running(mutant); UsbHostModel host = new UsbHostModel(board.usbPort(), new Keys())) {
            assertThatThrownBy(() -> host.enumerate(HidProtocol.REPORT)).isInstanceOf(UsbHostException.class);
            assertThat(board.chip().otgFs().fault()).contains("320");
        }
    }

    @Test
    void aPllQThatDoesNotGive48MHzLeavesTheDeviceOffTheBus() throws Exception {
        DeviceC.assumeBuildable();
        // clock.h's static assertion checks CLOCK_PLLQ; the mutant writes 8 past it (42 MHz).
        CLibrary mutant = MutantC.build("pllq-8", "drivers/clock.c", "(CLOCK_PLLQ << RCC_PLLCFGR_PLLQ_SHIFT)",
                "(8u << RCC_PLLCFGR_PLLQ_SHIFT)");
        try (Stm32SimBoard board = running(mutant); UsbHostModel host = new UsbHostModel(board.usbPort(), new Keys())) {
            assertThatThrownBy(() -> host.enumerate(HidProtocol.REPORT)).isInstanceOf(UsbHostException.class)
                    .hasMessageContaining("no device answered");
            assertThat(board.chip().rcc().pll48Hz()).isEqualTo(42_000_000L);
        }
    }

    /** A board on {@code c}, its firmware's loop running. */
    private static Stm32SimBoard running(CLibrary c) {
        Stm32SimBoard board = new Stm32SimBoard(1, HostNetwork.loopback(-1), SimBoard.Wiring.unconnected(), c);
        board.powerUp();
        Thread loop = new Thread(board::run, "stm32-loop");
        loop.setDaemon(true);
        loop.start();
        return board;
    }

    private static final class Keys implements HostInputListener {
        final BlockingQueue<String> seen = new LinkedBlockingQueue<>();

        @Override
        public void keyDown(int usage) {
            seen.add("down " + usage);
        }

        @Override
        public void keyUp(int usage) {
            seen.add("up " + usage);
        }

        @Override
        public void pointerRelative(int dx, int dy, int buttons, int wheel, int pan) {
        }

        @Override
        public void pointerAbsolute(int x, int y, int buttons, int wheel, int pan) {
        }
    }
}
