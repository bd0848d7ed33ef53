package org.skvmoip.client.video;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * A decoded picture as 32-bit BGRA pixels (B, G, R, A in memory: JavaFX's INT_ARGB_PRE on a
 * little-endian machine, with alpha 255), in a direct buffer that is reused picture after
 * picture; it grows only when the stream's size does.
 */
public final class DecodedPicture {

    private ByteBuffer bytes;
    private IntBuffer pixels;
    /** swscale's destination: the buffer's address as plane 0, and its stride. */
    private PointerPointer<BytePointer> planes;
    private IntPointer strides;
    private int width;
    private int height;
    private long sequence;
    private long captureMicros;

    DecodedPicture() {
    }

    /** Makes room for a {@code width} x {@code height} picture. */
    void resize(int width, int height) {
        int needed = Math.multiplyExact(Math.multiplyExact(width, height), 4);
        if (bytes == null || bytes.capacity() < needed) {
            releaseNative();
            bytes = ByteBuffer.allocateDirect(needed).order(ByteOrder.nativeOrder());
            pixels = bytes.asIntBuffer();
            planes = new PointerPointer<>(4);
            planes.put(0, new BytePointer(bytes));
            strides = new IntPointer(4);
        }
        strides.put(0, width * 4);
        this.width = width;
        this.height = height;
    }

    void stamp(long sequence, long captureMicros) {
        this.sequence = sequence;
        this.captureMicros = captureMicros;
    }

    PointerPointer<BytePointer> planes() {
        return planes;
    }

    IntPointer strides() {
        return strides;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** The server's sequence number of the unit this picture came from. */
    public long sequence() {
        return sequence;
    }

    /** When the picture was captured, microseconds since 1970 on the server's clock. */
    public long captureMicros() {
        return captureMicros;
    }

    /** The pixels, row after row, {@code width} per row; a fresh view positioned at 0. */
    public IntBuffer pixels() {
        return pixels.duplicate().position(0).limit(width * height);
    }

    /** The pixel at (x, y) as 0xAARRGGBB. */
    public int argb(int x, int y) {
        return pixels.get(y * width + x);
    }

    void releaseNative() {
        if (planes != null) {
            planes.close();
            strides.close();
            planes = null;
            strides = null;
        }
    }
}
