package org.skvmoip.sim.usb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.skvmoip.sim.usb.DeviceDescription.HidInterface;

/** The firmware's descriptors as a strict host sees them during enumeration. */
class EnumerationTest {

    @ParameterizedTest
    @EnumSource(HidProtocol.class)
    void givenTheFirmwareWhenAHostEnumeratesItThenAllDescriptorsPassAndThreeHidInterfacesAppear(HidProtocol protocol) {
        HidRig rig = new HidRig();

        DeviceDescription d = rig.host.enumerate(protocol);

        assertThat(rig.hid.isConfigured()).isTrue();
        assertThat(d.ep0MaxPacket()).isEqualTo(64);
        assertThat(d.manufacturer()).isEqualTo("SKVMOIP");
        assertThat(d.product()).isEqualTo("SKVMOIP Keyboard and Mouse");
        assertThat(d.serial()).isEqualTo("00112233445566778899AABB");
        assertThat(d.interfaces()).extracting(i -> List.of(i.number(), i.subclass(), i.protocol(), i.endpoint(),
                i.maxPacket(), i.interval())).containsExactly(
                        List.of(0, 1, 1, 1, 8, 1), // boot keyboard on EP1 IN, 1 ms
                        List.of(1, 1, 2, 2, 8, 1), // boot mouse on EP2 IN
                        List.of(2, 0, 0, 3, 8, 1)); // absolute pointer on EP3 IN
    }

    @Test
    void givenTheReportDescriptorsWhenParsedItemByItemThenTheLayoutsAreTheDocumentedOnes() {
        DeviceDescription d = new HidRig().host.enumerate(HidProtocol.REPORT);
        HidInterface keyboard = d.hidInterface(0);
        HidInterface mouse = d.hidInterface(1);
        HidInterface pointer = d.hidInterface(2);

        assertThat(keyboard.layout().inputLength(0)).isEqualTo(8);
        assertThat(keyboard.layout().outputLength(0)).as("LED output report").isEqualTo(1);
        assertThat(keyboard.layout().applicationUsage()).isEqualTo(0x0001_0006);
        assertThat(mouse.layout().inputLength(0)).isEqualTo(5);
        assertThat(mouse.layout().applicationUsage()).isEqualTo(0x0001_0002);
        assertThat(pointer.layout().inputLength(0)).isEqualTo(7);
        ReportField xy = pointer.layout().inputs().stream().filter(f -> f.variableUsage(0) == 0x0001_0030)
                .findFirst().orElseThrow();
        assertThat(List.of(xy.bitOffset(), xy.size(), xy.count(), xy.logicalMinimum(), xy.logicalMaximum(),
                xy.isRelative())).containsExactly(8, 16, 2, 0, 32767, false);
        ReportField pan = mouse.layout().inputs().stream().filter(f -> f.variableUsage(0) == 0x000C_0238)
                .findFirst().orElseThrow();
        assertThat(List.of(pan.bitOffset(), pan.size(), pan.logicalMinimum(), pan.isRelative()))
                .containsExactly(32, 8, -127, true);
    }

    @Test
    void givenTheKeyboardReportDescriptorThenItsBytesAreTheGoldenOnes() {
        DeviceDescription d = new HidRig().host.enumerate(HidProtocol.REPORT);

        assertThat(HexBytes.of(d.hidInterface(0).reportDescriptor())).isEqualTo(HexBytes.of(HexBytes.parse(
                "05 01 09 06 A1 01 05 07 19 E0 29 E7 15 00 25 01 75 01 95 08 81 02 75 08 95 01 81 01"
                + " 05 08 19 01 29 05 75 01 95 05 91 02 75 03 95 01 91 01"
                + " 05 07 19 00 29 FF 15 00 26 FF 00 75 08 95 06 81 00 C0")));
    }

    @Test
    void givenAConfigurationWhoseTotalLengthLiesWhenCheckedThenTheHostRejectsIt() {
        byte[] config = fullConfiguration();
        config[2]++;

        assertThatThrownBy(() -> DescriptorChecker.checkConfiguration(config))
                .isInstanceOf(DescriptorException.class).hasMessageContaining("wTotalLength");
    }

    @Test
    void givenAConfigurationThatClaimsFourInterfacesWhenCheckedThenTheHostRejectsIt() {
        byte[] config = fullConfiguration();
        config[4] = 4;

        assertThatThrownBy(() -> DescriptorChecker.checkConfiguration(config))
                .isInstanceOf(DescriptorException.class).hasMessageContaining("bNumInterfaces 4");
    }

    @Test
    void givenAnEndpointDescriptorWithAWrongLengthWhenCheckedThenTheHostRejectsIt() {
        byte[] config = fullConfiguration();
        config[9 + 9 + 9] = 6; // first endpoint's bLength

        assertThatThrownBy(() -> DescriptorChecker.checkConfiguration(config))
                .isInstanceOf(DescriptorException.class).hasMessageContaining("endpoint");
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
        05 01 09 06 A1 01 75 08 95 01 81 01                  | collection(s) still open
        05 01 09 06 A1 01 C0 C0                              | End Collection without an open collection
        05 01 09 06 A1 01 26 FF                              | needs 2 data bytes but only 1 remain
        05 01 A1 01 15 00 25 FF 75 08 95 01 09 30 81 02 C0   | Logical Maximum -1 below Logical Minimum 0
        05 01 A1 01 75 08 81 02 C0                           | Report Count 0
        05 01 A1 01 FE 02 00 00 00 C0                        | long item
        05 01 A1 01 15 00 25 01 75 08 95 01 19 01 81 00 C0   | Usage Minimum and Usage Maximum must come in pairs
        """)
    void givenABrokenReportDescriptorWhenParsedThenTheErrorSaysWhatAndWhere(String hex, String message) {
        assertThatThrownBy(() -> ReportDescriptorParser.parse(HexBytes.parse(hex)))
                .isInstanceOf(DescriptorException.class).hasMessageContaining(message);
    }

    private static byte[] fullConfiguration() {
        HidRig rig = new HidRig();
        rig.host.enumerate(HidProtocol.REPORT);
        return rig.control(0x80, 6, 0x0200, 0, 255).data();
    }
}
