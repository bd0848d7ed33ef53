package org.skvmoip.sim.stm32.otg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.skvmoip.sim.stm32.otg.OtgFsRegisters.*;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.skvmoip.sim.usb.DeviceDescription;
import org.skvmoip.sim.usb.HexBytes;
import org.skvmoip.sim.usb.HidProtocol;
import org.skvmoip.sim.usb.HostInputListener;
import org.skvmoip.sim.usb.UsbHostException;
import org.skvmoip.sim.usb.UsbHostModel;

/**
 * The PC's USB host enumerates the OTG_FS register model through the cable while a script of
 * RM0368 §22.17's steps programs the core, run in lock-step: each time the host waits, the
 * script services the core's interrupt once.
 */
class OtgFsEnumerationTest {

    private final List<String> keys = new ArrayList<>();
    private final List<Boolean> irq = new ArrayList<>();
    private long pll48Hz = 48_000_000L;

    private final OtgFsModel core = new OtgFsModel(irq::add, () -> true, () -> pll48Hz);

    @Test
    void givenTheManualsStepsWhenThePcEnumeratesThenTheKeyboardIsConfiguredAndItsReportArrives() {
        ManualSteps steps = started(ManualSteps.FITTING_PLAN);
        UsbHostModel host = hostOf(steps);

        DeviceDescription device = host.enumerate(HidProtocol.REPORT);
        steps.sendIn(1, HexBytes.parse("02 00 04 00 00 00 00 00"), 8);
        host.pollOnce();

        assertThat(device.interfaces()).hasSize(1);
        assertThat(device.interfaces().get(0).isBootKeyboard()).isTrue();
        assertThat(steps.log).startsWith("USBRST", "ENUMDNE speed 3", "SETUP 80 06 0100", "SETUP 00 05 0001",
                "SETUP 80 06 0100");
        assertThat(steps.log).contains("SETUP 00 09 0001", "SETUP 21 0A 0000", "SETUP 21 0B 0001");
        assertThat(keys).containsExactly("down E1", "down 04");
        assertThat(core.read(DCFG) >>> DCFG_DAD_SHIFT & 0x7F).isEqualTo(UsbHostModel.ADDRESS);
        assertThat(irq).as("the interrupt line rose and fell").contains(true, false);
        assertThat(core.fault()).isNull();
    }

    @Test
    void givenAReportTakenWhenTheNextComesThenItsDataToggleHasFlipped() {
        ManualSteps steps = started(ManualSteps.FITTING_PLAN);
        UsbHostModel host = hostOf(steps);
        host.enumerate(HidProtocol.REPORT);

        steps.sendIn(1, HexBytes.parse("00 00 04 00 00 00 00 00"), 8);
        int before = core.read(diepctl(1)) & EPCTL_DPID;
        host.pollOnce();
        steps.sendIn(1, HexBytes.parse("00 00 00 00 00 00 00 00"), 8);
        host.pollOnce();

        assertThat(before).as("DATA0 first after SET_CONFIGURATION").isZero();
        assertThat(keys).containsExactly("down 04", "up 04");
        assertThat(core.read(diepint(1)) & DIEPINT_XFRC).isEqualTo(DIEPINT_XFRC);
    }

    @ParameterizedTest(name = "PLL48CK {0} Hz")
    @ValueSource(longs = {0L, 42_000_000L, 47_870_000L, 48_130_000L, 56_000_000L})
    void givenA48MHzClockOutsideQuarterPercentWhenThePcEnumeratesThenTheCoreSeesNoBus(long hz) {
        pll48Hz = hz;
        ManualSteps steps = started(ManualSteps.FITTING_PLAN);
        UsbHostModel host = hostOf(steps);

        assertThatThrownBy(() -> host.enumerate(HidProtocol.REPORT)).isInstanceOf(UsbHostException.class)
                .hasMessageContaining("no device answered");
        assertThat(core.read(GINTSTS) & GINTSTS_USBRST).isZero();
        assertThat(steps.log).isEmpty();
    }

    @ParameterizedTest(name = "PLL48CK {0} Hz")
    @ValueSource(longs = {47_890_000L, 48_000_000L, 48_110_000L})
    void givenA48MHzClockWithinQuarterPercentWhenThePcEnumeratesThenItWorks(long hz) {
        pll48Hz = hz;
        ManualSteps steps = started(ManualSteps.FITTING_PLAN);

        assertThat(hostOf(steps).enumerate(HidProtocol.REPORT).interfaces()).hasSize(1);
    }

    @Test
    void givenAFifoPlanOver320WordsWhenThePcEnumeratesThenTheCoreRefusesItAndEnumerationFails() {
        ManualSteps steps = started(new int[] {256, 256, 96, 352, 16});
        UsbHostModel host = hostOf(steps);

        assertThatThrownBy(() -> host.enumerate(HidProtocol.REPORT)).isInstanceOf(UsbHostException.class);
        assertThat(core.fault()).isEqualTo("FIFO plan refused: it needs 352 words and the FIFO RAM has 320"
                + " (RX 0..255, TX0 256..351)");
    }

    @Test
    void givenOverlappingFifosWhenThePcEnumeratesThenTheCoreNamesTheOverlap() {
        ManualSteps steps = started(new int[] {128, 100, 64, 192, 64});
        UsbHostModel host = hostOf(steps);

        assertThatThrownBy(() -> host.enumerate(HidProtocol.REPORT)).isInstanceOf(UsbHostException.class);
        assertThat(core.fault()).isEqualTo("FIFO plan refused: TX FIFO 0 starts at word 100, inside the RX FIFO"
                + " (words 0..127) (RX 0..127, TX0 100..163)");
    }

    @Test
    void givenEndpoint1sTxFifoOverlappingTx0WhenTheEndpointIsActivatedThenTheCoreRefusesThePlan() {
        ManualSteps steps = started(new int[] {128, 128, 64, 160, 64});
        UsbHostModel host = hostOf(steps);

        assertThatThrownBy(() -> host.enumerate(HidProtocol.REPORT)).isInstanceOf(UsbHostException.class);
        assertThat(steps.log).as("it got as far as SET_CONFIGURATION").contains("SETUP 00 09 0001");
        assertThat(core.fault()).startsWith("FIFO plan refused: TX FIFO 1 overlaps TX FIFO 0");
    }

    @Test
    void givenMoreWordsThanATxFifoHoldsWhenTheyAreWrittenThenTheCoreReportsAnOverrun() {
        ManualSteps steps = started(ManualSteps.FITTING_PLAN);
        hostOf(steps).enumerate(HidProtocol.REPORT);

        for (int word = 0; word < 65; word++) {
            core.write(FIFO_WINDOW + FIFO_WINDOW_SIZE, word);
        }

        assertThat(core.read(dtxfsts(1))).as("free words").isZero();
        assertThat(core.fault()).isEqualTo("TX FIFO 1 overrun: a word was written into it while full (64 words)");
    }

    @Test
    void givenVbusSensingLeftOnWithoutVbusWiredWhenThePcEnumeratesThenNoDeviceAnswers() {
        ManualSteps steps = new ManualSteps(core, ManualSteps.FITTING_PLAN);
        steps.coreInit();
        steps.deviceInit();
        core.write(GCCFG, GCCFG_PWRDWN | GCCFG_VBUSBSEN);

        assertThatThrownBy(() -> hostOf(steps).enumerate(HidProtocol.REPORT))
                .hasMessageContaining("no device answered");
    }

    @Test
    void givenASuspendedBusWhenFramesPassThenNoSofComesAndResumeWakesTheCore() {
        ManualSteps steps = started(ManualSteps.FITTING_PLAN);
        UsbHostModel host = hostOf(steps);
        host.enumerate(HidProtocol.REPORT);

        host.suspend();
        int suspendedStatus = core.read(GINTSTS);
        core.write(GINTSTS, GINTSTS_SOF | GINTSTS_USBSUSP);
        host.pollOnce();
        int afterAFrame = core.read(GINTSTS);
        host.resume();

        assertThat(suspendedStatus & GINTSTS_USBSUSP).isEqualTo(GINTSTS_USBSUSP);
        assertThat(afterAFrame & GINTSTS_SOF).as("no SOF while suspended").isZero();
        assertThat(core.read(GINTSTS) & GINTSTS_WKUPINT).isEqualTo(GINTSTS_WKUPINT);
        assertThat(core.read(DSTS) & DSTS_SUSPSTS).isZero();
    }

    private ManualSteps started(int[] plan) {
        ManualSteps steps = new ManualSteps(core, plan);
        steps.coreInit();
        steps.deviceInit();
        return steps;
    }

    private UsbHostModel hostOf(ManualSteps steps) {
        return new UsbHostModel(core, new HostInputListener() {
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
        }, steps::serviceInterrupts);
    }
}
