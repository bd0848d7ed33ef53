package org.skvmoip.client.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

/** The video socket's message header, docs/api.md "Video socket", read from bytes. */
class VideoFrameTest {

    private static final byte[] UNIT = {0, 0, 0, 1, 0x65, 0x11};

    private static ByteBuffer message(int version, int flags, int headerLength, byte[] unit) {
        ByteBuffer m = ByteBuffer.allocate(headerLength + unit.length);
        m.put((byte) version).put((byte) flags).putShort((short) headerLength)
                .putInt(0xFFFF_FFFE) // sequence: unsigned
                .putLong(-40_000L) // pts may be negative
                .putLong(1_700_000_000_000_000L) // capture
                .putLong(1_700_000_000_004_000L) // send
                .putShort((short) 1920).putShort((short) 1080);
        m.position(headerLength);
        m.put(unit);
        return m.flip();
    }

    @Test
    void everyHeaderFieldIsRead() {
        VideoFrame frame = VideoFrame.parse(message(1, 1, 36, UNIT));

        assertThat(frame.keyframe()).isTrue();
        assertThat(frame.sequence()).isEqualTo(4_294_967_294L);
        assertThat(frame.ptsMicros()).isEqualTo(-40_000L);
        assertThat(frame.captureMicros()).isEqualTo(1_700_000_000_000_000L);
        assertThat(frame.sendMicros()).isEqualTo(1_700_000_000_004_000L);
        assertThat(frame.serverLatencyMicros()).isEqualTo(4_000L);
        assertThat(frame.width()).isEqualTo(1920);
        assertThat(frame.height()).isEqualTo(1080);
        assertThat(frame.accessUnit()).containsExactly(UNIT);
    }

    @Test
    void fieldsALaterHeaderAppendsAreSkipped() {
        VideoFrame frame = VideoFrame.parse(message(1, 0, 44, UNIT));

        assertThat(frame.keyframe()).isFalse();
        assertThat(frame.accessUnit()).containsExactly(UNIT);
    }

    @Test
    void malformedHeadersAreRefusedSayingWhatIsWrong() {
        assertThatThrownBy(() -> VideoFrame.parse(ByteBuffer.allocate(20)))
                .hasMessage("video message of 20 bytes is shorter than the 36-byte header");
        assertThatThrownBy(() -> VideoFrame.parse(message(2, 0, 36, UNIT)))
                .hasMessageStartingWith("video header version 2; this client reads version 1");
        ByteBuffer tooLong = message(1, 0, 36, UNIT);
        tooLong.putShort(2, (short) 100);
        assertThatThrownBy(() -> VideoFrame.parse(tooLong))
                .hasMessage("video header length 100 must be from 36 to the message's 42 bytes");
    }
}
