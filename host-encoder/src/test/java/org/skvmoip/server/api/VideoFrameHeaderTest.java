package org.skvmoip.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.skvmoip.server.api.socket.VideoFrameHeader;
import org.skvmoip.server.stream.AccessUnit;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

/** The video header's bytes, field by field as docs/api.md has them. */
class VideoFrameHeaderTest {

    private static final AccessUnit UNIT = new AccessUnit(new byte[] {0, 0, 0, 1, 0x65}, true, 0x1_0000_0007L,
            0x0102030405060708L, 0x1112131415161718L, 0, 0, 1920, 1080);

    /** version, flags, header length, sequence (low 32 bits), pts, capture, send, width, height. */
    private static final String GOLDEN = "01" + "01" + "0024" + "00000007" + "0102030405060708" + "1112131415161718"
            + "2122232425262728" + "0780" + "0438";

    @Test
    void theHeaderIsTheDocumentedBytes() {
        ByteBuf out = Unpooled.buffer();

        VideoFrameHeader.write(out, UNIT, 0x2122232425262728L);

        assertThat(ByteBufUtil.hexDump(out)).isEqualTo(GOLDEN);
        assertThat(out.readableBytes()).isEqualTo(VideoFrameHeader.LENGTH);
    }

    @Test
    void aReaderSkipsFieldsALaterVersionAppends() {
        ByteBuffer frame = ByteBuffer.wrap(HexFormat.of().parseHex(
                GOLDEN.replace("01010024", "02010028") + "cafebabe" + "0000000165"));

        VideoFrameHeader.Fields fields = VideoFrameHeader.read(frame);

        assertThat(fields.version()).isEqualTo(2);
        assertThat(fields.keyframe()).isTrue();
        assertThat(fields.sequence()).isEqualTo(7);
        assertThat(fields.width()).isEqualTo(1920);
        assertThat(fields.height()).isEqualTo(1080);
        assertThat(frame.remaining()).isEqualTo(5);
        assertThat(frame.getInt()).isEqualTo(1);
    }

    @Test
    void aTruncatedHeaderIsRefusedSayingWhy() {
        assertThatThrownBy(() -> VideoFrameHeader.read(ByteBuffer.wrap(HexFormat.of().parseHex("01010024000000"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("header length 36 exceeds the frame's 7 bytes");
    }
}
