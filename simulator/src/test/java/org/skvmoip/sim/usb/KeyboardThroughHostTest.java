package org.skvmoip.sim.usb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.skvmoip.firmware.hid.UsbHid;

/** What the firmware's keyboard sends, as the USB host model takes and decodes it. */
class KeyboardThroughHostTest {

    @ParameterizedTest
    @EnumSource(HidProtocol.class)
    void givenEveryKeyOfTheKeyboardPageWhenPressedAndReleasedThenTheHostSeesThatKeyDownThenUp(HidProtocol protocol) {
        HidRig rig = new HidRig().enumerated(protocol);
        List<String> expected = new ArrayList<>();

        for (int usage = 0x04; usage <= 0xE7; usage = usage == 0x65 ? 0xE0 : usage + 1) {
            rig.hid.keyboard(0, new byte[] {(byte) usage}, 0, 1);
            rig.frames(1);
            rig.hid.keyboard(0, new byte[0], 0, 0);
            rig.frames(1);
            expected.add("down %02X".formatted(usage));
            expected.add("up %02X".formatted(usage));
        }

        assertThat(rig.events.log).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "[{index}] {0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
        # protocol | modifiers | keys        | bytes the host takes
          BOOT     | 00        | 04          | [00 00 04 00 00 00 00 00]
          REPORT   | 00        | 04          | [00 00 04 00 00 00 00 00]
          BOOT     | 22        | 1E 1F       | [22 00 1E 1F 00 00 00 00]
          REPORT   | 22        | 1E 1F       | [22 00 1E 1F 00 00 00 00]
        """)
    void givenAKeyboardStateWhenSentThenBootAndReportProtocolCarryTheSameGoldenBytes(HidProtocol protocol,
            String modifiers, String keys, String golden) {
        HidRig rig = new HidRig().enumerated(protocol);
        byte[] usages = HexBytes.parse(keys);

        rig.hid.keyboard(Integer.parseInt(modifiers, 16), usages, 0, usages.length);
        rig.frames(1);

        assertThat(rig.rawOf(0)).containsExactly(golden);
    }

    @Test
    void givenSevenKeysWhenPressedThenTheHostGetsTheRolloverReportAndKeepsTheKeysItKnew() {
        HidRig rig = new HidRig().enumerated(HidProtocol.REPORT);
        rig.hid.keyboard(0, HexBytes.parse("04 05"), 0, 2);
        rig.frames(1);
        rig.events.clear();

        int result = rig.hid.keyboard(0x02, HexBytes.parse("04 05 06 07 08 09 0A"), 0, 7);
        rig.frames(1);

        assertThat(result).isEqualTo(org.skvmoip.firmware.hid.KeyboardReport.ROLLOVER);
        assertThat(rig.rawOf(0)).last().isEqualTo("[02 00 01 01 01 01 01 01]");
        assertThat(rig.events.log).as("only the modifier changed; no phantom key events").containsExactly("down E1");
    }

    @Test
    void givenAKeyDownAndUpWithinOneFrameWhenPolledThenTheHostStillSeesTheKeyPressed() {
        HidRig rig = new HidRig().enumerated(HidProtocol.BOOT);

        rig.hid.keyboard(0, new byte[] {0x04}, 0, 1);
        rig.hid.keyboard(0, new byte[0], 0, 0);
        rig.frames(3);

        assertThat(rig.events.log).containsExactly("down 04", "up 04");
    }

    @Test
    void givenTheTargetTurnsCapsLockOnWhenTheHostSendsTheLedReportThenTheFirmwareKnowsIt() {
        HidRig rig = new HidRig().enumerated(HidProtocol.REPORT);
        int generation = rig.hid.statusGeneration();

        rig.host.setKeyboardLeds(UsbHid.LED_CAPS_LOCK | UsbHid.LED_NUM_LOCK);
        rig.frames(1);

        assertThat(rig.hid.leds()).isEqualTo(UsbHid.LED_CAPS_LOCK | UsbHid.LED_NUM_LOCK);
        assertThat(rig.hid.statusGeneration()).isNotEqualTo(generation);
        assertThat(rig.control(0xA1, 0x01, 0x0200, 0, 1).data()).containsExactly(0x03);
    }

    @Test
    void givenAnIdleRateWhenAKeyIsHeldThenTheSameReportRepeatsEveryIdlePeriod() {
        HidRig rig = new HidRig().enumerated(HidProtocol.BOOT);
        rig.host.setIdle(0, 2); // 8 ms

        rig.hid.keyboard(0, new byte[] {0x04}, 0, 1);
        rig.frames(40);

        String pressed = "0:[00 00 04 00 00 00 00 00]";
        int first = rig.raw.indexOf(pressed);
        List<String> fromPress = rig.raw.subList(first, rig.raw.size());
        assertThat(fromPress).hasSizeGreaterThanOrEqualTo(4).allMatch(pressed::equals);
        for (int i = first + 1; i < rig.rawTimes.size(); i++) {
            assertThat(rig.rawTimes.get(i) - rig.rawTimes.get(i - 1)).as("ms between repeats").isEqualTo(8);
        }
        assertThat(rig.events.log).as("a repeat is not a new key press").containsExactly("down 04");
    }

    @Test
    void givenIdleZeroWhenAKeyIsHeldThenOnlyTheChangeIsSent() {
        HidRig rig = new HidRig().enumerated(HidProtocol.BOOT);

        rig.hid.keyboard(0, new byte[] {0x04}, 0, 1);
        rig.frames(600);

        assertThat(rig.rawOf(0)).hasSize(1);
    }

    @Test
    void givenKeysButtonsAndPointerHeldWhenReleaseAllThenTheHostSeesEverythingReleased() {
        HidRig rig = new HidRig().enumerated(HidProtocol.REPORT);
        rig.hid.keyboard(0x01, HexBytes.parse("04 16"), 0, 2);
        rig.hid.mouseMove(0x03, 500, 0, 0, 0);
        rig.hid.pointer(0x01, 1000, 2000, 0, 0);
        rig.frames(2);
        rig.events.clear();

        rig.hid.releaseAll();
        rig.frames(5);

        assertThat(rig.hid.isAllReleased()).isTrue();
        assertThat(rig.events.log).contains("up E0", "up 04", "up 16", "rel 0 0 b0 w0 p0", "abs 1000 2000 b0 w0 p0");
        assertThat(rig.events.log).as("the queued rest of the drag is dropped").noneMatch(e -> e.startsWith("rel 127"));
    }

    @Test
    void givenKeyStatesNotPolledYetWhenReleaseAllThenTheHostStillSeesThemBeforeTheRelease() {
        HidRig rig = new HidRig().enumerated(HidProtocol.REPORT);
        rig.hid.keyboard(0, HexBytes.parse("04"), 0, 1);
        rig.hid.keyboard(0, new byte[0], 0, 0);
        rig.hid.keyboard(0, HexBytes.parse("05"), 0, 1);

        rig.hid.releaseAll(); // the session ended right after its last frame arrived
        rig.frames(5);

        assertThat(rig.events.log).as("what the server typed before the end is typed")
                .containsExactly("down 04", "up 04", "down 05", "up 05");
        assertThat(rig.hid.isAllReleased()).isTrue();
    }
}
