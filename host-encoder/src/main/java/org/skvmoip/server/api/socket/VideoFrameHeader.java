package org.skvmoip.server.api.socket;

import java.nio.ByteBuffer;

import org.skvmoip.server.stream.AccessUnit;

import io.netty.buffer.ByteBuf;

/**
 * The header in front of each access unit on the video socket (docs/api.md, "Video frames").
 * Big-endian:
 *
 * <pre>
 * 0   u8   version            1
 * 1   u8   flags              bit0 keyframe (IDR: a decoder may start here); others 0
 * 2   u16  header length      36 in version 1; the access unit starts here, so later versions may append fields
 * 4   u32  sequence           counts access units of one pipeline run, wraps at 2^32
 * 8   i64  pts                presentation time, microseconds
 * 16  i64  capture time       microseconds since the epoch, server clock
 * 24  i64  send time          microseconds since the epoch, server clock, when the frame was written
 * 32  u16  width              pixels
 * 34  u16  height             pixels
 * 36  ...  the access unit    H.264 Annex-B (start codes; SPS and PPS in front of every keyframe)
 * </pre>
 */
public final class VideoFrameHeader {

    public static final int VERSION = 1;
    public static final int LENGTH = 36;
    public static final int FLAG_KEYFRAME = 0x01;

    /** A header as read back (clients, tests). */
    public record Fields(int version, int flags, int headerLength, long sequence, long ptsMicros,
            long captureEpochMicros, long sendEpochMicros, int width, int height) {

        public boolean keyframe() {
            return (flags & FLAG_KEYFRAME) != 0;
        }
    }

    private VideoFrameHeader() {
    }

    public static void write(ByteBuf out, AccessUnit unit, long sendEpochMicros) {
        out.writeByte(VERSION);
        out.writeByte(unit.keyframe() ? FLAG_KEYFRAME : 0);
        out.writeShort(LENGTH);
        out.writeInt((int) unit.sequence());
        out.writeLong(unit.ptsMicros());
        out.writeLong(unit.captureEpochMicros());
        out.writeLong(sendEpochMicros);
        out.writeShort(unit.width());
        out.writeShort(unit.height());
    }

    /** Reads the header at the buffer's position and leaves the position at the access unit. */
    public static Fields read(ByteBuffer in) {
        int start = in.position();
        if (in.remaining() < 4) {
            throw new IllegalArgumentException("a video frame has at least 4 bytes of header, this one has "
                    + in.remaining() + " bytes in all");
        }
        int version = Byte.toUnsignedInt(in.get());
        int flags = Byte.toUnsignedInt(in.get());
        int headerLength = Short.toUnsignedInt(in.getShort());
        if (headerLength < LENGTH) {
            throw new IllegalArgumentException("video frame header length " + headerLength + " is below the "
                    + LENGTH + " bytes of version 1");
        }
        if (in.limit() - start < headerLength) {
            throw new IllegalArgumentException("video frame header length " + headerLength + " exceeds the frame's "
                    + (in.limit() - start) + " bytes");
        }
        Fields fields = new Fields(version, flags, headerLength, Integer.toUnsignedLong(in.getInt()), in.getLong(),
                in.getLong(), in.getLong(), Short.toUnsignedInt(in.getShort()), Short.toUnsignedInt(in.getShort()));
        in.position(start + headerLength);
        return fields;
    }
}
