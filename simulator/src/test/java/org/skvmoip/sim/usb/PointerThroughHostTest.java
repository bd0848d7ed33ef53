package org.skvmoip.sim.usb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.skvmoip.firmware.hid.UsbHid;

/** Relative and absolute pointer reports as the USB host model takes and decodes them. */
class PointerThroughHostTest {

    @ParameterizedTest(name = "[{index}] {0} move ({2},{3})")
    @CsvSource(delimiter = '|', textBlock = """
        # protocol | buttons | dx   | dy   | wheel | pan | reports on the mouse endpoint
          REPORT   | 1       | 5    | -3   | 1     | -1  | [01 05 FD 01 FF]
          BOOT     | 1       | 5    | -3   | 1     | -1  | [01 05 FD]
          REPORT   | 0       | 200  | 0    | 0     | 0   | [00 7F 00 00 00];[00 49 00 00 00]
          BOOT     | 4       | -130 | 130  | 0     | 0   | [04 81 7F];[04 FD 03]
        """)
    void givenAMoveWhenSentThenTheHostTakesTheGoldenReports(HidProtocol protocol, int buttons, int dx, int dy,
            int wheel, int pan, String golden) {
        HidRig rig = new HidRig().enumerated(protocol);

        rig.hid.mouseMove(buttons, dx, dy, wheel, pan);
        rig.frames(5);

        assertThat(String.join(";", rig.rawOf(1))).isEqualTo(golden);
    }

    @Test
    void givenABigMoveWhenSentThenTheHostSeesItSplitNeverWrappedAndSummingToTheMove() {
        HidRig rig = new HidRig().enumerated(HidProtocol.REPORT);

        rig.hid.mouseMove(0, 1000, -700, 0, 0);
        rig.frames(20);

        List<int[]> moves = rig.events.log.stream().map(e -> e.split(" "))
                .map(p -> new int[] {Integer.parseInt(p[1]), Integer.parseInt(p[2])}).toList();
        assertThat(moves).hasSize(8).allMatch(m -> m[0] > 0 && m[0] <= 127 && m[1] <= 0 && m[1] >= -127);
        assertThat(moves.stream().mapToInt(m -> m[0]).sum()).isEqualTo(1000);
        assertThat(moves.stream().mapToInt(m -> m[1]).sum()).isEqualTo(-700);
    }

    @Test
    void givenTheMouseSwitchedToBootProtocolWhenItMovesThenItSendsTheThreeByteBootReport() {
        HidRig rig = new HidRig().enumerated(HidProtocol.REPORT);
        rig.hid.mouseMove(0, 1, 1, 1, 0);
        rig.frames(1);

        rig.host.setProtocol(1, HidProtocol.BOOT);
        rig.hid.mouseMove(0, 2, 2, 1, 0);
        rig.frames(1);
        rig.host.setProtocol(1, HidProtocol.REPORT);
        rig.hid.mouseMove(0, 3, 3, 1, 0);
        rig.frames(1);

        assertThat(rig.hid.protocol(UsbHid.MOUSE)).isEqualTo(UsbHid.PROTOCOL_REPORT);
        assertThat(rig.rawOf(1)).containsExactly("[00 01 01 01 00]", "[00 02 02]", "[00 03 03 01 00]");
        assertThat(rig.events.log).containsExactly("rel 1 1 b0 w1 p0", "rel 2 2 b0 w0 p0", "rel 3 3 b0 w1 p0");
    }

    @ParameterizedTest(name = "[{index}] ({1},{2})")
    @CsvSource(delimiter = '|', textBlock = """
        # buttons | x     | y     | bytes                  | event
          1       | 16384 | 8192  | [01 00 40 00 20 00 00] | abs 16384 8192 b1 w0 p0
          0       | 99999 | -1    | [00 FF 7F 00 00 00 00] | abs 32767 0 b0 w0 p0
        """)
    void givenAnAbsolutePositionWhenSentThenTheHostDecodesItWithTheParsedLayout(int buttons, int x, int y,
            String bytes, String event) {
        HidRig rig = new HidRig().enumerated(HidProtocol.REPORT);

        rig.hid.pointer(buttons, x, y, 0, 0);
        rig.frames(2);

        assertThat(rig.rawOf(2)).containsExactly(bytes);
        assertThat(rig.events.log).containsExactly(event);
    }

    @Test
    void givenAClickWithinOneFrameWhenPolledThenTheHostSeesPressAndRelease() {
        HidRig rig = new HidRig().enumerated(HidProtocol.REPORT);

        rig.hid.pointer(1, 100, 100, 0, 0);
        rig.hid.pointer(0, 100, 100, 0, 0);
        rig.frames(3);

        assertThat(rig.events.log).containsExactly("abs 100 100 b1 w0 p0", "abs 100 100 b0 w0 p0");
    }

    @Test
    void givenABiosInBootProtocolWhenTheAbsolutePointerMovesThenTheHostIgnoresThatInterface() {
        HidRig rig = new HidRig().enumerated(HidProtocol.BOOT);

        rig.hid.pointer(0, 100, 100, 0, 0);
        rig.frames(3);

        assertThat(rig.events.log).isEmpty();
    }
}
