package org.skvmoip.sim.usb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.skvmoip.firmware.hid.UsbHid;

/** EP0 requests answered by the firmware: standard (USB 2.0 §9.4) and HID class (HID 1.11 §7.2). */
class ControlRequestTest {

    @ParameterizedTest(name = "[{index}] {5}")
    @CsvSource(delimiter = '|', textBlock = """
        # bmRequestType | bRequest | wValue | wIndex | wLength | what
          80            | 06       | 0600   | 0      | 10      | GET_DESCRIPTOR device qualifier (full-speed only)
          80            | 06       | 0700   | 0      | 9       | GET_DESCRIPTOR other speed configuration
          80            | 06       | 0304   | 0409   | 255     | GET_DESCRIPTOR string 4 (no such string)
          80            | 06       | 0201   | 0      | 9       | GET_DESCRIPTOR configuration 1 (only 0 exists)
          81            | 06       | 2200   | 3      | 64      | GET_DESCRIPTOR report of interface 3
          00            | 09       | 0002   | 0      | 0       | SET_CONFIGURATION 2
          00            | 03       | 0001   | 0      | 0       | SET_FEATURE remote wake-up (not offered)
          40            | 01       | 0000   | 0      | 0       | a vendor request
          21            | 0B       | 0000   | 2      | 0       | SET_PROTOCOL boot on the absolute pointer
          A1            | 03       | 0000   | 2      | 1       | GET_PROTOCOL on the absolute pointer
          21            | 0B       | 0002   | 0      | 0       | SET_PROTOCOL 2
          A1            | 01       | 0300   | 0      | 8       | GET_REPORT feature
          21            | 09       | 0200   | 1      | 1       | SET_REPORT output to the mouse
          21            | 0A       | 0001   | 0      | 0       | SET_IDLE for report ID 1 (there are none)
          21            | 0A       | 0000   | 3      | 0       | SET_IDLE on interface 3
          21            | 99       | 0000   | 0      | 0       | an unknown HID class request
        """)
    void givenAnUnsupportedRequestWhenSentThenTheDeviceStallsAndKeepsServing(String type, String request,
            String value, String index, int length, String what) {
        HidRig rig = new HidRig().enumerated(HidProtocol.REPORT);

        ControlOutcome outcome = rig.control(Integer.parseInt(type, 16), Integer.parseInt(request, 16),
                Integer.parseInt(value, 16), Integer.parseInt(index, 16), length);

        assertThat(outcome.stalled()).as(what).isTrue();
        assertThat(rig.control(0x80, 6, 0x0100, 0, 18).data()).as("the next request works").hasSize(18);
    }

    @Test
    void givenAShortWLengthWhenADescriptorIsAskedThenOnlyThatManyBytesComeAndAFullOneWhenItAllows() {
        HidRig rig = new HidRig().enumerated(HidProtocol.REPORT);

        assertThat(rig.control(0x80, 6, 0x0200, 0, 9).data()).hasSize(9);
        assertThat(rig.control(0x80, 6, 0x0200, 0, 255).data()).hasSize(9 + 3 * 25);
        assertThat(rig.control(0x80, 6, 0x0100, 0, 8).data()).hasSize(8);
        assertThat(rig.control(0x81, 6, 0x2100, 1, 9).data()).startsWith(9, 0x21, 0x11, 0x01);
    }

    @Test
    void givenABusResetWhenProtocolsAreAskedThenBothBootInterfacesAreBackInReportProtocol() {
        HidRig rig = new HidRig().enumerated(HidProtocol.BOOT);
        assertThat(rig.control(0xA1, 0x03, 0, 0, 1).data()).containsExactly(UsbHid.PROTOCOL_BOOT);
        assertThat(rig.hid.protocol(UsbHid.MOUSE)).isEqualTo(UsbHid.PROTOCOL_BOOT);

        rig.host.busReset();
        rig.frames(1);

        assertThat(rig.hid.isConfigured()).isFalse();
        assertThat(rig.control(0xA1, 0x03, 0, 0, 1).data()).containsExactly(UsbHid.PROTOCOL_REPORT);
        assertThat(rig.control(0xA1, 0x03, 0, 1, 1).data()).containsExactly(UsbHid.PROTOCOL_REPORT);
    }

    @Test
    void givenSetIdleAndSetConfigurationWhenReadBackThenTheDeviceReportsWhatWasSet() {
        HidRig rig = new HidRig().enumerated(HidProtocol.REPORT);

        rig.host.setIdle(0, 25);

        assertThat(rig.control(0xA1, 0x02, 0, 0, 1).data()).containsExactly(25);
        assertThat(rig.control(0xA1, 0x02, 0, 1, 1).data()).containsExactly(0);
        assertThat(rig.control(0x80, 8, 0, 0, 1).data()).containsExactly(1);
        assertThat(rig.control(0x80, 0, 0, 0, 2).data()).containsExactly(0, 0);
    }

    @Test
    void givenKeysDownWhenGetReportInputIsAskedThenTheCurrentKeyboardReportComes() {
        HidRig rig = new HidRig().enumerated(HidProtocol.REPORT);
        rig.hid.keyboard(0x02, new byte[] {0x04, 0x05}, 0, 2);

        assertThat(HexBytes.of(rig.control(0xA1, 0x01, 0x0100, 0, 8).data())).isEqualTo("[02 00 04 05 00 00 00 00]");
    }

    @Test
    void givenSetConfigurationZeroWhenTheDeviceIsPolledThenItIsNotConfiguredAndSendsNothing() {
        HidRig rig = new HidRig().enumerated(HidProtocol.REPORT);

        rig.control(0x00, 9, 0, 0, 0);
        rig.hid.keyboard(0, new byte[] {0x04}, 0, 1);
        rig.frames(5);

        assertThat(rig.hid.isConfigured()).isFalse();
        assertThat(rig.device.isOpen(1)).isFalse();
        assertThat(rig.raw).isEmpty();
    }
}
