package org.skvmoip.firmware.hid;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The 8-byte keyboard report (boot and report protocol alike) for a keyboard state. */
class KeyboardReportTest {

    @ParameterizedTest(name = "[{index}] modifiers {0} + keys [{1}] -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
        # modifiers | pressed usages (hex)   | report                  | keys reported (-1 rollover)
          00        |                        | 00 00 00 00 00 00 00 00 | 0
          00        | 04                     | 00 00 04 00 00 00 00 00 | 1
          02        | 04                     | 02 00 04 00 00 00 00 00 | 1
          00        | E1 04                  | 02 00 04 00 00 00 00 00 | 1
          00        | E0 E1 E2 E3 E4 E5 E6 E7 | FF 00 00 00 00 00 00 00 | 0
          01        | E7                     | 81 00 00 00 00 00 00 00 | 0
          00        | 04 05 06 07 08 09      | 00 00 04 05 06 07 08 09 | 6
          00        | 04 05 06 07 08 09 0A   | 00 00 01 01 01 01 01 01 | -1
          05        | 04 05 06 07 08 09 0A E1 | 07 00 01 01 01 01 01 01 | -1
          00        | 04 04 05               | 00 00 04 05 00 00 00 00 | 2
          00        | 04 04 05 05 06 06 07 08 09 | 00 00 04 05 06 07 08 09 | 6
          00        | 00 01 02 03 E8 FF 28   | 00 00 28 00 00 00 00 00 | 1
          00        | 39 53 47               | 00 00 39 53 47 00 00 00 | 3
          00        | 65 DF                  | 00 00 65 DF 00 00 00 00 | 2
        """)
    void givenAKeyboardStateWhenEncodedThenTheReportIsTheGoldenOne(String modifiers, String usages, String golden,
            int keys) {
        byte[] pressed = usages == null ? new byte[0] : Hex.bytes(usages);
        byte[] report = new byte[KeyboardReport.LENGTH];
        java.util.Arrays.fill(report, (byte) 0x5A); // stale bytes must be overwritten

        int result = KeyboardReport.encode(Integer.parseInt(modifiers, 16), pressed, 0, pressed.length, report);

        assertThat(Hex.of(report, 0, 8)).isEqualTo(golden);
        assertThat(result).isEqualTo(keys);
    }

    @org.junit.jupiter.api.Test
    void givenAnOffsetAndCountWhenEncodedThenOnlyThatSliceIsRead() {
        byte[] buffer = Hex.bytes("AA 04 05 BB");
        byte[] report = new byte[8];

        KeyboardReport.encode(0, buffer, 1, 2, report);

        assertThat(Hex.of(report, 0, 8)).isEqualTo("00 00 04 05 00 00 00 00");
    }
}
