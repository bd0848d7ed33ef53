package org.skvmoip.firmware.hid;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The absolute pointer report: x and y little-endian in 0..32767, clamped; wheel and pan int8. */
class PointerReportTest {

    @ParameterizedTest(name = "[{index}] ({1},{2}) buttons {0}")
    @CsvSource(delimiter = '|', textBlock = """
        # buttons | x      | y      | wheel | pan  | report
          0       | 0      | 0      | 0     | 0    | 00 00 00 00 00 00 00
          1       | 16384  | 8192   | 0     | 0    | 01 00 40 00 20 00 00
          3       | 32767  | 32767  | 1     | -1   | 03 FF 7F FF 7F 01 FF
          0       | 40000  | -5     | 500   | -500 | 00 FF 7F 00 00 7F 81
          4       | 258    | 1      | 0     | 0    | 04 02 01 01 00 00 00
        """)
    void givenAPointerStateWhenEncodedThenTheReportIsTheGoldenOne(int buttons, int x, int y, int wheel, int pan,
            String golden) {
        byte[] report = new byte[PointerReport.LENGTH];

        int length = PointerReport.encode(buttons, x, y, wheel, pan, report, 0);

        assertThat(Hex.of(report, 0, length)).isEqualTo(golden);
    }
}
