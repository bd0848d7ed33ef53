package org.skvmoip.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A bad header is refused with its own code as soon as the offending byte is in, and never after
 * reading any of the payload it announces.
 */
class FrameDecoderErrorTest {

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            version 2                         | 02 10 00 02 00 00 | BAD_VERSION        | 2     | 4
            version 0                         | 00                | BAD_VERSION        | 0     | 1
            type nobody sends                 | 01 7f 00 00       | UNKNOWN_TYPE       | 127   | 4
            STATUS is the module's to send    | 01 40 00 03       | UNKNOWN_TYPE       | 64    | 4
            HELLO is the module's to send     | 01 01 00 1f       | UNKNOWN_TYPE       | 1     | 4
            length 65                         | 01 10 00 41       | OVERSIZED_LENGTH   | 65    | 4
            length 65535                      | 01 13 ff ff       | OVERSIZED_LENGTH   | 65535 | 4
            keyboard shorter than its header  | 01 10 00 01 00    | TOO_SHORT_FOR_TYPE | 1     | 4
            keyboard with 17 usages           | 01 10 00 13       | TOO_LONG_FOR_TYPE  | 19    | 4
            mouse relative of 6 bytes         | 01 11 00 06       | TOO_SHORT_FOR_TYPE | 6     | 4
            power of 2 bytes                  | 01 13 00 02 01 01 | TOO_LONG_FOR_TYPE  | 2     | 4
            release all with a payload        | 01 14 00 01 00    | TOO_LONG_FOR_TYPE  | 1     | 4
            ADOPT of 31 bytes                 | 01 04 00 1f       | TOO_SHORT_FOR_TYPE | 31    | 4
            ADOPT of a secret alone (old)     | 01 04 00 20       | TOO_SHORT_FOR_TYPE | 32    | 4
            """)
    void aBadHeaderIsRefusedWithItsCodeAndTheValueReceived(String why, String hex, String code, int detail,
            int consumed) throws Exception {
        byte[] bytes = HEX.parseHex(hex);
        FrameDecoder decoder = new FrameDecoder(Side.MODULE);
        decoder.reset(false);

        int result = decoder.feed(bytes, 0, bytes.length);

        assertThat(result).isEqualTo(ProtocolError.class.getField(code).getInt(null));
        assertThat(decoder.errorDetail()).isEqualTo(detail);
        assertThat(decoder.consumed()).as("bytes read before refusing: never past the header").isEqualTo(consumed);
    }

    @Test
    void anOversizedLengthIsRefusedWithoutWaitingForItsPayload() {
        FrameDecoder decoder = new FrameDecoder(Side.MODULE);
        decoder.reset(true);

        int result = decoder.feed(HEX.parseHex("01 10 01 00"), 0, 4);

        assertThat(result).isEqualTo(ProtocolError.OVERSIZED_LENGTH);
        assertThat(ProtocolError.describe(result)).contains("exceeds the maximum payload of 64 bytes");
        assertThat(decoder.errorDetail()).isEqualTo(256);
    }

    @Test
    void afterAnErrorEveryFeedIsRefusedUntilReset() {
        FrameDecoder decoder = new FrameDecoder(Side.MODULE);
        decoder.reset(false);
        decoder.feed(HEX.parseHex("09"), 0, 1);
        byte[] good = HEX.parseHex("01 14 00 00");

        assertThat(decoder.feed(good, 0, good.length)).isEqualTo(ProtocolError.BAD_VERSION);
        assertThat(decoder.consumed()).isZero();

        decoder.reset(false);
        assertThat(decoder.feed(good, 0, good.length)).isEqualTo(FrameDecoder.FRAME);
    }

    @Test
    void aPartialFrameNeedsMoreAndTakesEveryByte() {
        FrameDecoder decoder = new FrameDecoder(Side.MODULE);
        decoder.reset(false);
        byte[] partial = HEX.parseHex("01 11 00 07 01 00");

        assertThat(decoder.feed(partial, 0, partial.length)).isEqualTo(FrameDecoder.NEED_MORE);
        assertThat(decoder.consumed()).isEqualTo(partial.length);
    }

    @Test
    void bytesAfterACompleteFrameAreLeftForTheNextFeed() {
        FrameDecoder decoder = new FrameDecoder(Side.MODULE);
        decoder.reset(false);
        byte[] two = HEX.parseHex("01 14 00 00 01 15 00 00");

        assertThat(decoder.feed(two, 0, two.length)).isEqualTo(FrameDecoder.FRAME);
        assertThat(decoder.consumed()).isEqualTo(4);
        assertThat(decoder.type()).isEqualTo(MessageType.RELEASE_ALL);
        assertThat(decoder.feed(two, 4, 4)).isEqualTo(FrameDecoder.FRAME);
        assertThat(decoder.type()).isEqualTo(MessageType.STATUS_REQUEST);
    }

    @Test
    void everyErrorCodeHasItsOwnDescriptionAndSurvivesTheWire() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int code = -1; code >= ProtocolError.LOWEST; code--) {
            assertThat(ProtocolError.isDefined(code)).isTrue();
            assertThat(seen.add(ProtocolError.describe(code))).as("description of %d is unique", code).isTrue();
            assertThat(ProtocolError.fromWire((byte) ProtocolError.toWire(code))).isEqualTo(code);
        }
        assertThat(ProtocolError.isDefined(0)).isFalse();
        assertThat(ProtocolError.isDefined(ProtocolError.LOWEST - 1)).isFalse();
        assertThat(ProtocolError.describe(7)).isEqualTo("not a protocol error code");
    }
}
